/**
 * A field's error message, as GOV.UK's error message component writes it: the message, after a
 * visually hidden "Error: " so a screen reader says what kind of text it is. For the scripts that
 * check a form in the browser (the EHC timeline calculator, the service filter's postcode).
 */

/** The words before every error message, heard but not seen; also the start of the page title while a form has errors. */
export const ERROR_PREFIX = 'Error: ';

/** Fills `element` with the error message `message`, after the hidden prefix. */
export function showErrorMessage(element: HTMLElement, message: string): void {
  const prefix = document.createElement('span');
  prefix.className = 'visually-hidden';
  prefix.textContent = ERROR_PREFIX;
  element.replaceChildren(prefix, message);
}
