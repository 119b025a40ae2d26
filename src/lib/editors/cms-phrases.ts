/**
 * The editor's own messages under a field, in plain English, replacing Decap's ("Summary didn't
 * match the pattern: …", "Categories must be at least 1 item(s)."). Registered as the locale
 * "en-GB" (src/pages/admin/_decap.ts), which Decap lays over its English: only these change.
 * A pattern's message is the schema's own, such as 'use a UK postcode such as "KV1 2AB"'.
 */
export const CMS_LOCALE = 'en-GB';

export const cmsPhrases = {
  editor: {
    editorControlPane: {
      widget: {
        required: '%{fieldLabel}: fill this in.',
        regexPattern: '%{fieldLabel}: %{pattern}.',
        range: '%{fieldLabel}: use a number from %{minValue} to %{maxValue}.',
        min: '%{fieldLabel}: use a number of %{minValue} or more.',
        max: '%{fieldLabel}: use a number of %{maxValue} or less.',
        rangeCount: '%{fieldLabel}: choose or add from %{minCount} to %{maxCount}.',
        rangeCountExact: '%{fieldLabel}: choose or add exactly %{count}.',
        rangeMin: '%{fieldLabel}: choose or add at least %{minCount}.',
        rangeMax: '%{fieldLabel}: choose or add no more than %{maxCount}.',
      },
    },
  },
};
