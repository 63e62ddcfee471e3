/**
 * Every text a person reads, one catalogue per language in ICU MessageFormat, one file per area (the
 * rules' findings, the emails, the reports, ...): a key is `<area>.<key in the file>`. English is the
 * source; tests/domain/i18n.test.ts fails when a key or a placeholder exists in one language only.
 */
import common_en from './en/common.json';
import menu_en from './en/menu.json';
import sidebar_en from './en/sidebar.json';
import rules_en from './en/rules.json';
import check_en from './en/check.json';
import email_en from './en/email.json';
import reports_en from './en/reports.json';
import gcm_en from './en/gcm.json';
import cli_en from './en/cli.json';
import playground_en from './en/playground.json';
import app_en from './en/app.json';
import validate_en from './en/validate.json';
import common_ru from './ru/common.json';
import menu_ru from './ru/menu.json';
import sidebar_ru from './ru/sidebar.json';
import rules_ru from './ru/rules.json';
import check_ru from './ru/check.json';
import email_ru from './ru/email.json';
import reports_ru from './ru/reports.json';
import gcm_ru from './ru/gcm.json';
import cli_ru from './ru/cli.json';
import playground_ru from './ru/playground.json';
import app_ru from './ru/app.json';
import validate_ru from './ru/validate.json';

const EN = {
  common: common_en,
  menu: menu_en,
  sidebar: sidebar_en,
  rules: rules_en,
  check: check_en,
  email: email_en,
  reports: reports_en,
  gcm: gcm_en,
  cli: cli_en,
  playground: playground_en,
  app: app_en,
  validate: validate_en,
};
const RU = {
  common: common_ru,
  menu: menu_ru,
  sidebar: sidebar_ru,
  rules: rules_ru,
  check: check_ru,
  email: email_ru,
  reports: reports_ru,
  gcm: gcm_ru,
  cli: cli_ru,
  playground: playground_ru,
  app: app_ru,
  validate: validate_ru,
};

/** The English catalogue fixes the keys; the Russian one must have the same (a test checks it). */
export const SOURCES: { en: typeof EN; ru: Record<keyof typeof EN, Record<string, string>> } = { en: EN, ru: RU };

export type Area = keyof typeof EN;
