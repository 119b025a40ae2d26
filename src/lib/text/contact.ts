/** A `tel:` link for a UK phone number as editors write it: "01632 960 100" → "tel:01632960100". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, '')}`;
}
