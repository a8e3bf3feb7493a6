/**
 * Messages are plain typed objects per feature: `defineMessages({ vi: {...}, en: {...} })` makes
 * the English dictionary prove it has every key the Vietnamese one has (and the other way round),
 * and `useMessages(messages)` returns the current language's. Messages that take values are
 * functions, so plurals and word order stay in the language's own hands.
 */
import { type Language, usePreferences } from "./preferences.tsx";

export type Messages<Shape> = Record<Language, Shape>;

export function defineMessages<Shape>(messages: {
  vi: Shape;
  en: NoInfer<Shape>;
}): Messages<Shape> {
  return messages;
}

export function useMessages<Shape>(messages: Messages<Shape>): Shape {
  return messages[usePreferences().language];
}
