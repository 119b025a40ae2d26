/**
 * Names of the browser editor's own widgets, shared by the configuration (cms-config.ts, at build
 * time) and the code that registers them in Decap (src/pages/admin/_decap.ts), without the schemas.
 */

/** A yes-or-no field that may be left unsaid: see src/pages/admin/_optional-switch.ts. */
export const OPTIONAL_SWITCH = 'optional-switch';
