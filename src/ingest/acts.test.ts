import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractText } from './test-helpers.js';

const acts = (text: string) => extractText(text).acts.map((a) => a.type);

test('finds acts from cue phrases in the three languages', () => {
  assert.deepEqual(acts('They are held in a basement and get no food.'), [
    'arbitrary_detention',
    'denial_of_food',
  ]);
  assert.deepEqual(acts('Их избивают и угрожают расстрелом.'), ['beating', 'threat_of_execution']);
  assert.deepEqual(acts('У них забрали телефони.'), ['confiscation_of_documents_or_phones']);
});

test('drops negated cues', () => {
  assert.deepEqual(acts('They were not beaten.'), []);
  assert.deepEqual(acts('Их не избивали.'), []);
  assert.deepEqual(acts('Їх не катували.'), []);
});

test('reads violence in a conditional clause as a threat, not as an act', () => {
  assert.deepEqual(acts('If they refuse, they will be beaten.'), ['threat_of_violence']);
  assert.deepEqual(acts('Если откажутся, их будут бить и пытать.'), ['threat_of_violence']);
});

test('finds mobilization despite an exemption and inadequate training', () => {
  assert.deepEqual(
    acts('He was mobilized despite his deferment and sent to the front without any training.'),
    ['mobilization_despite_exemption', 'inadequate_training'],
  );
});

test('finds pressure to withdraw a refusal', () => {
  assert.deepEqual(acts('Командиры склоняют их к отказу от рапортов.'), ['pressure_to_withdraw_refusal']);
});

test('drops an act denied after its cue and a case that was refused', () => {
  assert.deepEqual(acts('Избиений, по словам матери, не было.'), []);
  assert.deepEqual(acts('The Investigative Committee refused to open a criminal case.'), []);
});

test('reads withheld food, water, washing and medical care in either word order', () => {
  assert.deepEqual(acts('Еды им не дают уже неделю.'), ['denial_of_food']);
  assert.deepEqual(acts('Їм перестали давати їжу.'), ['denial_of_food']);
  assert.deepEqual(acts('The men get water only once a day.'), ['denial_of_water']);
  assert.deepEqual(acts('Їжі та води їм не дають.'), ['denial_of_food', 'denial_of_water']);
  assert.deepEqual(acts('They have not been allowed to wash for a month.'), ['denial_of_hygiene']);
  assert.deepEqual(acts('Раненым не дают медицинской помощи.'), ['denial_of_medical_care']);
  assert.deepEqual(acts('Nobody gives him medical help.'), ['denial_of_medical_care']);
});

test('leaves hunger in combat positions out of the denials', () => {
  assert.deepEqual(acts('They spent two days in their positions with no food or water.'), []);
});

test('reads conditions set on returning to the front as pressure to withdraw a refusal', () => {
  assert.ok(
    acts('They will stay there until they agree to go to the front.').includes(
      'pressure_to_withdraw_refusal',
    ),
  );
  assert.ok(
    acts('Командир сказал, что их не выпустят, пока не отзовут рапорты.').includes(
      'pressure_to_withdraw_refusal',
    ),
  );
  assert.ok(
    acts('If they did not withdraw their refusals, nothing would change.').includes(
      'pressure_to_withdraw_refusal',
    ),
  );
  assert.ok(
    acts('Їм погрожують, доки не погодяться повернутися на позиції.').includes(
      'pressure_to_withdraw_refusal',
    ),
  );
});

test('reads a threatened transfer to the assault as a threat of violence', () => {
  assert.deepEqual(acts('Им пригрозили, что их отправят на штурм.'), ['threat_of_violence']);
  assert.ok(acts('He was told he would be sent to an assault unit.').includes('threat_of_violence'));
});

test('finds confiscated papers and phones with words between verb and object', () => {
  assert.ok(acts('Офицер отобрал у мужчин военные билеты.').includes('confiscation_of_documents_or_phones'));
  assert.ok(
    acts('Their passports and phones were confiscated.').includes('confiscation_of_documents_or_phones'),
  );
  assert.ok(acts('The guards hit them with batons.').includes('beating'));
  assert.ok(acts('Командир погрожував їх обнулити.').includes('threat_of_execution'));
});

test('reads a refusal to open a criminal case as no prosecution', () => {
  assert.deepEqual(acts('Следователь вынес отказ в возбуждении уголовного дела.'), []);
});

test('reads object-first confiscation, denials after the cue, and a guardhouse as detention', () => {
  assert.deepEqual(acts('Телефони в усіх відібрали.'), ['confiscation_of_documents_or_phones']);
  assert.deepEqual(acts('Избиений, по его словам, нет.'), []);
  assert.deepEqual(acts('Кормят плохо и не выпускают на улицу.'), []);
  assert.deepEqual(acts('Он находится в комендатуре.'), ['arbitrary_detention']);
});

test('finds acts phrased otherwise: listed withholdings, forced return, forced mobilization, no training', () => {
  assert.deepEqual(acts('They were locked in a basement with no electricity, food, or water.'), [
    'arbitrary_detention',
    'denial_of_food',
    'denial_of_water',
  ]);
  assert.deepEqual(acts('Soldiers were forced by their commanders to return to the frontlines.'), [
    'forced_return_to_combat',
  ]);
  assert.deepEqual(acts('В ДНР идет принудительная мобилизация.'), ['unlawful_mobilization']);
  assert.deepEqual(acts('Обучения он там не проходил.'), ['inadequate_training']);
  assert.deepEqual(acts('Було відкрито кримінальні справи.'), ['criminal_prosecution']);
});

test('a state that will not confirm it holds a man, or hides what it knows, makes him disappear; killings in other words', () => {
  const types = (text: string) => extractText(text).acts.map((a) => a.type);
  assert.ok(
    types('Росія навіть не підтвердила, що вони перебували в полоні.').includes('enforced_disappearance'),
  );
  assert.ok(
    types('They said Russia refused to confirm that he was held.').includes('enforced_disappearance'),
  );
  assert.ok(types('Там людей б’ють та вбивають.').includes('extrajudicial_killing'));
  assert.ok(!types('Россия подтвердила, что они в плену.').includes('enforced_disappearance'));
});

test('acts phrased with either apostrophe, sent back again, held without contact, shot by their own', () => {
  assert.ok(acts('Їх тримали без зв’язку з рідними.').includes('incommunicado_detention'));
  assert.ok(acts("Їх тримали без зв'язку з рідними.").includes('incommunicado_detention'));
  assert.ok(
    acts('They were held without any contact with their families.').includes('incommunicado_detention'),
  );
  assert.ok(acts('Хлопців знову відправили на передову.').includes('forced_return_to_combat'));
  assert.ok(!acts('Його відправили на передову.').includes('forced_return_to_combat'));
  assert.ok(acts('He was shot by his own commanders.').includes('extrajudicial_killing'));
});

test('finds acts by the lemma of their word, whatever its inflection or aspect', () => {
  assert.deepEqual(acts('Их удерживали в подвале.'), ['arbitrary_detention']);
  assert.deepEqual(acts('Хлопців утримували в підвалі.'), ['arbitrary_detention']);
  assert.deepEqual(acts('Их не кормили три дня.'), ['denial_of_food']);
  assert.deepEqual(acts('Полонених не годують.'), ['denial_of_food']);
  assert.deepEqual(acts('Він у полоні. З ним немає зв’язку вже місяць.'), ['incommunicado_detention']);
  assert.deepEqual(acts('Он в плену. Им не дают дозвониться родным.'), ['incommunicado_detention']);
  assert.deepEqual(acts('Командир погрожував їм розправою.'), ['threat_of_violence']);
  assert.deepEqual(acts('Отказников снова отправили на передовую.'), ['forced_return_to_combat']);
  assert.deepEqual(acts('Відмовників повернули на передову.'), ['forced_return_to_combat']);
  assert.deepEqual(acts('Солдаты жаловались, что над ними издевались.'), ['ill_treatment']);
  assert.deepEqual(acts('Их сын пропал без вести в марте.'), ['enforced_disappearance']);
  assert.deepEqual(acts('Їх примушують повернутися до частини.'), ['pressure_to_withdraw_refusal']);
});

test('does not read lemma cues against their sense', () => {
  // Asking to bring men back from the front is not sending them there; a prison threat is not violence.
  assert.deepEqual(acts('Жены требуют вернуть мужей с фронта.'), []);
  assert.deepEqual(acts('Их никто не удерживал силой.'), []);
  assert.deepEqual(acts('Ему угрожают тюрьмой.'), []);
  // A contract pressed on a conscript takes back no refusal.
  assert.deepEqual(acts('Срочников заставляют подписать контракт.'), []);
  // Out of touch at the front is not held incommunicado; "в связи с" is "in connection with".
  assert.deepEqual(acts('С сыном нет связи, он на передовой.'), []);
  assert.deepEqual(acts('Его держат в подвале в связи с отсутствием документов.'), ['arbitrary_detention']);
  // The title of an office for missing persons states no disappearance.
  assert.deepEqual(acts('Уповноважений з питань осіб, зниклих безвісти, заявив про обмін.'), []);
  // Prisoners of war held by the enemy are not detained arbitrarily unless the text says so.
  assert.deepEqual(acts('Полонених утримували в колонії.'), []);
});

test('finds beating, degrading treatment and removal to an unknown place in other words', () => {
  assert.deepEqual(acts('Их били прикладами.'), ['beating']);
  assert.deepEqual(acts('Їх змушували співати гімн росії.'), ['ill_treatment']);
  assert.deepEqual(acts('Им не давали спать.'), ['ill_treatment']);
  assert.deepEqual(acts('Его вывезли в неизвестном направлении.'), ['enforced_disappearance']);
  assert.deepEqual(acts('Артиллерия била по позициям.'), []);
});

test('reads restraints, hoods, crowded cells and squalor as ill-treatment', () => {
  const ill = (text: string) => acts(text).includes('ill_treatment');
  assert.ok(ill('Его пристегнули наручниками к батарее.'));
  assert.ok(ill('Задержанные сутками сидели в наручниках.'));
  assert.ok(ill("Їм зв'язали руки і надягли мішки на голову."));
  assert.ok(ill('Полонених тримали в кайданках.'));
  assert.ok(ill('The men were handcuffed and blindfolded for days.'));
  assert.ok(ill('Detainees were zip-tied in the yard.'));
  assert.ok(ill('В камере по 20 человек, спят по очереди.'));
  assert.ok(ill('У камері на шість місць тримали двадцятьох.'));
  assert.ok(ill('Twenty men were crammed into a cell meant for six.'));
  assert.ok(ill('They are kept in appalling conditions.'));
  // Getting in touch, being bedridden and a year count are no restraint or crowding.
  assert.ok(!ill('Мы связались с его командиром.'));
  assert.ok(!ill('Он прикован к постели после ранения.'));
  assert.ok(!ill('In 2023 in a small room the lawyers met.'));
});

test('counts pressure as pressure to withdraw a refusal only near the refusal or the return', () => {
  const pressed = (text: string) => acts(text).includes('pressure_to_withdraw_refusal');
  assert.ok(pressed('Они подали рапорты об отказе. Теперь на них давят командиры.'));
  assert.ok(pressed('Командири тиснуть на них, щоб вони повернулися на позиції.'));
  assert.ok(pressed('Officers keep pressuring the men who refused to fight.'));
  assert.ok(!pressed('Давление на журналистов в регионе усилилось.'));
  assert.ok(!pressed('The pressure on the front grew in the spring.'));
  assert.deepEqual(acts('Полонених піддавали психологічному тиску.'), ['ill_treatment']);
});

test('reads a possible or permitted return, detention or prosecution as a risk, not a done act', () => {
  assert.deepEqual(acts('The law allows them to be sent back to the front.'), []);
  assert.deepEqual(acts('Если он откажется, его могут снова отправить на фронт.'), []);
  assert.deepEqual(acts('Закон дозволяє знову відправити їх на фронт.'), []);
  assert.deepEqual(acts('He may be detained at any checkpoint.'), []);
  // Without a modal word the same return is stated as done.
  assert.deepEqual(acts('Закон не допоміг: їх знову відправили на фронт.'), ['forced_return_to_combat']);
});

test('reads spoken threats: promises of harm, death, first-person shootings, a sending to the assault', () => {
  assert.deepEqual(acts('Командир обещал их покалечить.'), ['threat_of_violence']);
  assert.deepEqual(acts('Командир пообіцяв їх покалічити.'), ['threat_of_violence']);
  assert.deepEqual(acts('Им угрожали смертью.'), ['threat_of_execution']);
  assert.deepEqual(acts('They were threatened with death.'), ['threat_of_execution']);
  assert.deepEqual(acts('Командир сказал: «Кто откажется — пристрелю».'), ['threat_of_execution']);
  assert.deepEqual(acts('They were threatened with being sent to assault units.'), ['threat_of_violence']);
  // A threat to put men in a pit holds no one there yet.
  assert.deepEqual(acts('Командир пригрозил сгноить их в яме.'), ['threat_of_violence']);
  assert.deepEqual(acts('Угроза артобстрела сохраняется.'), []);
});

test('finds denied treatment, money demanded for release, forced work and charges in other words', () => {
  assert.deepEqual(acts('Раненых пленных не лечат.'), ['denial_of_medical_care']);
  assert.deepEqual(acts('Поранених полонених не лікують.'), ['denial_of_medical_care']);
  assert.deepEqual(acts('Ему отказали в медицинской помощи.'), ['denial_of_medical_care']);
  assert.deepEqual(acts('Йому відмовили в медичній допомозі.'), ['denial_of_medical_care']);
  assert.deepEqual(acts('Medical care was denied to the wounded men.'), ['denial_of_medical_care']);
  assert.deepEqual(acts('За освобождение требовали 300 тысяч рублей.'), ['extortion']);
  assert.deepEqual(acts('Командири вимагали 5 тисяч доларів.'), ['extortion']);
  assert.deepEqual(acts('They demanded money from the families.'), ['extortion']);
  assert.deepEqual(acts('They were made to dig trenches.'), ['forced_labour']);
  assert.deepEqual(acts('Проти нього відкрили кримінальне провадження.'), ['criminal_prosecution']);
  assert.deepEqual(acts('На него завели дело о дезертирстве.'), ['criminal_prosecution']);
  assert.deepEqual(acts('He faces up to 10 years in prison.'), ['criminal_prosecution']);
  // Asking for help, healing well and a lawful request are none of these.
  assert.deepEqual(acts('Родные просили помощи у омбудсмена.'), []);
  assert.deepEqual(acts('Его хорошо лечат в госпитале.'), []);
});

test('finds men grabbed in the street, days-long training, denied holding and camps in more words', () => {
  assert.deepEqual(acts('Його схопили прямо на вулиці й відвезли до ТЦК.'), ['unlawful_mobilization']);
  assert.deepEqual(acts('Men are being grabbed on the streets by recruiters.'), ['unlawful_mobilization']);
  assert.deepEqual(acts('Чоловіка заштовхнули в бус.'), ['unlawful_mobilization']);
  assert.deepEqual(acts('После трёх дней обучения их отправили на фронт.'), ['inadequate_training']);
  assert.deepEqual(acts('They got five days of training.'), ['inadequate_training']);
  assert.deepEqual(acts('The military denies holding him.'), ['enforced_disappearance']);
  assert.deepEqual(acts('Since then he has not been seen.'), []);
  assert.deepEqual(acts('He has not been seen since the raid.'), ['enforced_disappearance']);
  assert.deepEqual(acts('Отказников поместили в лагерь.'), ['arbitrary_detention']);
  // Walking in the street and a long course are neither.
  assert.deepEqual(acts('Мы забрали его с улицы домой, он замёрз.'), []);
  assert.deepEqual(acts('He had six months of training before deployment.'), []);
});

test('finds beatings, torture, killings and foul water in more words, and a done shooting is no threat', () => {
  assert.deepEqual(acts('Їх лупили палицями.'), ['beating']);
  assert.deepEqual(acts('They beat him with rifle butts.'), ['beating']);
  assert.deepEqual(acts('Ему ломали пальцы.'), ['torture']);
  assert.deepEqual(acts('They suffocated him with a plastic bag.'), ['torture']);
  assert.deepEqual(acts('Полонених піддавали імітації розстрілу.'), ['torture', 'threat_of_execution']);
  assert.deepEqual(acts('They were executed on the spot.'), ['extrajudicial_killing']);
  assert.deepEqual(acts('Пленные пили воду из луж.'), ['denial_of_water']);
  assert.deepEqual(acts('Отказника расстреляли на месте.'), ['extrajudicial_killing']);
  assert.deepEqual(acts('Відмовника розстріляли свої.'), ['extrajudicial_killing']);
  assert.deepEqual(acts('The clubs held a meeting.'), []);
});

test('finds grounds for exemption beside a mobilization, untrained recruits, armed threats and surrendered phones', () => {
  assert.deepEqual(acts('Мобилизовали отца троих детей.'), ['mobilization_despite_exemption']);
  assert.deepEqual(acts('Його мобілізували, хоча він має інвалідність.'), ['mobilization_despite_exemption']);
  assert.deepEqual(acts('He was mobilized despite a chronic illness.'), ['mobilization_despite_exemption']);
  // The same grounds without a mobilization are no act.
  assert.deepEqual(acts('He has lived with a chronic illness for years.'), []);
  assert.deepEqual(acts('Их бросили в бой необученными.'), ['inadequate_training']);
  assert.deepEqual(acts('They had never held a rifle before.'), ['inadequate_training']);
  assert.deepEqual(acts('Командир угрожал им пистолетом.'), ['threat_of_violence']);
  assert.deepEqual(acts('He threatened them with a gun.'), ['threat_of_violence']);
  assert.deepEqual(acts('Їх змусили здати телефони.'), ['confiscation_of_documents_or_phones']);
  assert.deepEqual(acts('They were forced to hand over their phones.'), [
    'confiscation_of_documents_or_phones',
  ]);
  assert.deepEqual(acts('Его мобилизовали незаконно.'), ['unlawful_mobilization']);
  assert.deepEqual(acts('Чоловіка примусово доставили до ТЦК.'), ['unlawful_mobilization']);
});

test('reads a held man kept from lawyers or from calling home as held incommunicado', () => {
  const cut = (text: string) => acts(text).includes('incommunicado_detention');
  assert.ok(cut('He is held in a basement and denied access to a lawyer.'));
  assert.ok(cut('The men are held in a pit and are unable to contact their families.'));
  assert.ok(cut('Их держат в подвале, родственникам не дают с ними связаться.'));
  assert.ok(cut("Його тримають у підвалі, рідним не дозволяють з ним зв'язатися."));
  // Out of reach at the front is not held, and hardship at the front is no ill-treatment.
  assert.ok(!cut('His unit is at the front and he cannot call home.'));
  assert.deepEqual(acts('Soldiers fought in freezing conditions.'), []);
});

test('reads a cell without a toilet as ill-treatment besides denied hygiene', () => {
  assert.ok(acts('Их держат в подвале без туалета.').includes('ill_treatment'));
  assert.ok(acts('They are held in a cell with no toilet.').includes('ill_treatment'));
  assert.ok(acts('Полонені мають відро замість туалету.').includes('ill_treatment'));
});

test('reads the unhealed sent back and refusers driven back to positions as a forced return', () => {
  const back = (text: string) => acts(text).includes('forced_return_to_combat');
  assert.ok(back('Его, не долечив, отправили обратно в часть.'));
  assert.ok(back('Поранених, не долікувавши, відправили назад.'));
  assert.ok(back('Отказников вывезли обратно на позиции.'));
  assert.ok(back('Відмовників знову вивезли на позиції.'));
  assert.ok(!back('Раненых вывезли с позиций в госпиталь.'));
});
