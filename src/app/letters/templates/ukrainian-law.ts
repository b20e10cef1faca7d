/**
 * The provisions of Ukrainian law the Ukrainian letters cite, kept in one place so that a lawyer
 * corrects a citation once for every letter.
 */

/** The offences an unlawful holding by commanders shows signs of (Кримінальний кодекс України). */
export const UK_CRIMES =
  'ст. 146 (незаконне позбавлення волі або викрадення людини) та ст. 426-1 (перевищення військовою ' +
  'службовою особою влади чи службових повноважень) Кримінального кодексу України';

/** The applicant's acknowledgement closing a report of a criminal offence. */
export const FALSE_REPORT_WARNING_UK =
  'Про кримінальну відповідальність за завідомо неправдиве повідомлення про вчинення кримінального ' +
  'правопорушення за ст. 383 КК України попереджений(а).';

/** The right to liberty as the Constitution and the European Convention guarantee it. */
export const UK_RIGHT_TO_LIBERTY =
  'Утримання людей без рішення суду порушує право на свободу та особисту недоторканність, гарантоване ' +
  'ст. 29 Конституції України та ст. 5 Конвенції про захист прав людини і основоположних свобод.';
