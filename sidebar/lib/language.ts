/**
 * The page's language, which the build writes into `<html lang>`: imported first by each page, so
 * that every text, day and number after it is written in that language.
 */
import { isLanguage, useLanguage } from '../../src/domain/i18n';

const lang = document.documentElement.lang;
useLanguage(isLanguage(lang) ? lang : 'en');
