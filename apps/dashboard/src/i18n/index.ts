export type { MessageKey } from "./catalogues";
export type { I18n } from "./i18n-context";
export { useI18n } from "./i18n-context";
export { I18nProvider } from "./i18n-provider";
export { LanguageSwitcher } from "./language-switcher";
