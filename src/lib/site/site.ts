/**
 * content/site.json, validated. Everything specific to one local area is read from here, so a
 * second council adopts the site by replacing content/.
 */
import raw from '../../../content/site.json' with { type: 'json' };
import { siteSchema } from '../../contract/site.ts';
import { areaNameOf } from '../open-data/index.ts';

export const site = siteSchema().parse(raw);
export type Site = typeof site;

/** The area the council covers, from its name: "Kestrel Vale Council" → "Kestrel Vale". */
export const areaName = areaNameOf(site.localAuthority);
