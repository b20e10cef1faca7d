import type { Language } from '../domain/vocabularies.js';

/**
 * The Russian and Ukrainian names of the bodies in the organization lexicon (org-lexicon.ts),
 * whose canonical names are English: a Russian summary or letter names "военная прокуратура",
 * not "Military Prosecutor's Office". Outlets and NGOs keep their own names (they are brands,
 * cited as they call themselves), so only bodies a letter addresses or accuses are here.
 */
const LOCAL_NAMES: Record<string, { ru: string; uk: string }> = {
  'State Bureau of Investigation of Ukraine': {
    ru: 'Государственное бюро расследований Украины',
    uk: 'Державне бюро розслідувань України',
  },
  'Office of the Prosecutor General of Ukraine': {
    ru: 'Офис Генерального прокурора Украины',
    uk: 'Офіс Генерального прокурора України',
  },
  'Ukrainian Parliament Commissioner for Human Rights': {
    ru: 'Уполномоченный Верховной Рады Украины по правам человека',
    uk: 'Уповноважений Верховної Ради України з прав людини',
  },
  'Investigative Committee of Russia': {
    ru: 'Следственный комитет России',
    uk: 'Слідчий комітет Росії',
  },
  'Regional Military Administration': {
    ru: 'областная военная администрация',
    uk: 'обласна військова адміністрація',
  },
  'Regional Administration': { ru: 'областная администрация', uk: 'обласна адміністрація' },
  Governor: { ru: 'губернатор', uk: 'губернатор' },
  'Ministry of Defence of Ukraine': {
    ru: 'Министерство обороны Украины',
    uk: 'Міністерство оборони України',
  },
  'UK Ministry of Defence': {
    ru: 'Министерство обороны Великобритании',
    uk: 'Міністерство оборони Великої Британії',
  },
  'Ministry for Reintegration of the Temporarily Occupied Territories': {
    ru: 'Министерство по вопросам реинтеграции временно оккупированных территорий Украины',
    uk: 'Міністерство з питань реінтеграції тимчасово окупованих територій України',
  },
  'General Staff of the Armed Forces of Ukraine': {
    ru: 'Генеральный штаб Вооружённых сил Украины',
    uk: 'Генеральний штаб Збройних сил України',
  },
  'General Staff of the Armed Forces of Russia': {
    ru: 'Генеральный штаб Вооружённых сил России',
    uk: 'Генеральний штаб Збройних сил Росії',
  },
  'Armed Forces of Ukraine': { ru: 'Вооружённые силы Украины', uk: 'Збройні сили України' },
  'Ministry of Defence of Russia': { ru: 'Министерство обороны России', uk: 'Міністерство оборони Росії' },
  'Human Rights Commissioner': { ru: 'Уполномоченный по правам человека', uk: 'Уповноважений з прав людини' },
  'Federal Security Service': {
    ru: 'Федеральная служба безопасности',
    uk: 'Федеральна служба безпеки Росії',
  },
  'Military Police': { ru: 'военная полиция', uk: 'військова поліція' },
  Rosgvardia: { ru: 'Росгвардия', uk: 'Росгвардія' },
  'Ministry of Internal Affairs of Russia': {
    ru: 'Министерство внутренних дел России',
    uk: 'Міністерство внутрішніх справ Росії',
  },
  'Military Commissariat': { ru: 'военный комиссариат', uk: 'військовий комісаріат' },
  'Military Court': { ru: 'военный суд', uk: 'військовий суд' },
  'Security Council of Russia': { ru: 'Совет безопасности России', uk: 'Рада безпеки Росії' },
  'Presidential Administration of Russia': {
    ru: 'Администрация Президента России',
    uk: 'Адміністрація президента Росії',
  },
  'President of Russia': { ru: 'Президент России', uk: 'президент Росії' },
  'State Duma': { ru: 'Государственная дума', uk: 'Державна дума Росії' },
  'Russian military command': { ru: 'военное командование', uk: 'військове командування' },
  'Defence Intelligence of Ukraine': {
    ru: 'Главное управление разведки Министерства обороны Украины',
    uk: 'Головне управління розвідки Міністерства оборони України',
  },
  'Ministry of Internal Affairs of Ukraine': {
    ru: 'Министерство внутренних дел Украины',
    uk: 'Міністерство внутрішніх справ України',
  },
  'National Police of Ukraine': { ru: 'Национальная полиция Украины', uk: 'Національна поліція України' },
  'Office of the President of Ukraine': { ru: 'Офис Президента Украины', uk: 'Офіс Президента України' },
  'Verkhovna Rada': { ru: 'Верховная Рада Украины', uk: 'Верховна Рада України' },
  'Security Service of Ukraine': { ru: 'Служба безопасности Украины', uk: 'Служба безпеки України' },
  'Coordination Headquarters for the Treatment of Prisoners of War': {
    ru: 'Координационный штаб по вопросам обращения с военнопленными',
    uk: 'Координаційний штаб з питань поводження з військовополоненими',
  },
  ICRC: { ru: 'Международный комитет Красного Креста', uk: 'Міжнародний комітет Червоного Хреста' },
  'UN Working Group on Arbitrary Detention': {
    ru: 'Рабочая группа ООН по произвольным задержаниям',
    uk: 'Робоча група ООН з питань свавільних затримань',
  },
  OHCHR: {
    ru: 'Управление Верховного комиссара ООН по правам человека',
    uk: 'Управління Верховного комісара ООН з прав людини',
  },
  'United Nations': { ru: 'Организация Объединённых Наций', uk: 'Організація Об’єднаних Націй' },
  'European Court of Human Rights': {
    ru: 'Европейский суд по правам человека',
    uk: 'Європейський суд з прав людини',
  },
  'Wagner Group': { ru: 'ЧВК «Вагнер»', uk: 'ПВК «Вагнер»' },
  'Storm-Z': { ru: '«Шторм Z»', uk: '«Шторм Z»' },
  Akhmat: { ru: '«Ахмат»', uk: '«Ахмат»' },
  'United Russia': { ru: '«Единая Россия»', uk: '«Єдина Росія»' },
  "Main Military Prosecutor's Office": {
    ru: 'Главная военная прокуратура',
    uk: 'Головна військова прокуратура Росії',
  },
  "Military Prosecutor's Office": { ru: 'военная прокуратура', uk: 'військова прокуратура' },
  "Prosecutor General's Office of Russia": {
    ru: 'Генеральная прокуратура России',
    uk: 'Генеральна прокуратура Росії',
  },
  "Prosecutor's Office": { ru: 'прокуратура', uk: 'прокуратура' },
  "Committee of Soldiers' Mothers": { ru: 'Комитет солдатских матерей', uk: 'Комітет солдатських матерів' },
};

/** The lexicon bodies with a Russian and Ukrainian name (for a test that none is left out). */
export const LOCALLY_NAMED = Object.keys(LOCAL_NAMES);

/**
 * A body's name in the language of a summary or letter: the lexicon body's Russian or Ukrainian
 * name when it is one, else the name as given (a unit's own name, an outlet, a name as written).
 */
export function bodyNameIn(name: string, lang: Language): string {
  if (lang === 'en') return name;
  return LOCAL_NAMES[name]?.[lang] ?? name;
}
