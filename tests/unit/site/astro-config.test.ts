import { expect, test } from 'vitest';

test("Astro's anonymous usage reports are off, unless whoever runs the build has chosen", async () => {
  const before = process.env.ASTRO_TELEMETRY_DISABLED;
  delete process.env.ASTRO_TELEMETRY_DISABLED;
  try {
    await import('../../../astro.config.mjs');
    // Astro reads this when it would send a report, after loading the configuration.
    expect(process.env.ASTRO_TELEMETRY_DISABLED).toBe('1');
  } finally {
    if (before === undefined) delete process.env.ASTRO_TELEMETRY_DISABLED;
    else process.env.ASTRO_TELEMETRY_DISABLED = before;
  }
});
