import { describe, expect, it } from 'vitest';
import defaultPack from '../../packs/default/pack.json';
import { extractAttributions } from './attributions';
import { outletsFromSources } from './outlets';
import type { Attribution } from './types';

const outlets = outletsFromSources(defaultPack.sources);
const run = (text: string, self?: string) => extractAttributions(text, { outlets, self });
const kinds = (items: Attribution[]) => items.map((i) => `${i.kind}: ${i.source}`);
const find = (items: Attribution[], kind: string, source: string) => items.find((i) => i.kind === kind && i.source === source);

describe('English attributions', () => {
  it('names a person with the role given before the name, the outlet he spoke to, and later short references', () => {
    const text = [
      'Speaking to Kurdistan 24 on Monday, the governor of Anbar province Ahmed Khalaf al-Dulaimi said that the main roads had reopened.',
      'Dulaimi added that the last checkpoints would be removed within a week.',
      'The governor warned that the desert routes were still unsafe.',
    ].join('\n\n');
    const items = run(text);
    const people = items.filter((i) => i.kind === 'named-person');
    expect(people.map((p) => p.source)).toEqual(['Ahmed Khalaf al-Dulaimi', 'Ahmed Khalaf al-Dulaimi', 'Ahmed Khalaf al-Dulaimi']);
    expect(people[0].role).toBe('governor of Anbar province');
    expect(people[0].cue).toBe('said');
    expect(people.every((p) => p.via === 'Kurdistan 24')).toBe(true);
    const outlet = find(items, 'outlet', 'Kurdistan 24');
    expect(outlet?.sourceId).toBe('kurdistan-24');
    // quote and offsets point at the attributed sentence
    expect(text.slice(people[1].start, people[1].end)).toBe(people[1].quote);
    expect(people[1].quote.startsWith('Dulaimi added')).toBe(true);
  });

  it('finds a quoted person after the quotation, with an appositive role, and follows "he said"', () => {
    const text =
      '"We left everything behind," Omar Saleh, a teacher from Hawija, told The New York Times. "Nobody came back for the cattle."\n\n' +
      '"The fighters took the school first," he said.';
    const items = run(text);
    expect(kinds(items)).toEqual(['named-person: Omar Saleh', 'outlet: The New York Times', 'named-person: Omar Saleh']);
    const [first, , second] = items;
    expect(first.role).toBe('a teacher from Hawija');
    expect(first.via).toBe('The New York Times');
    expect(second.via).toBe('The New York Times');
    // the quotation runs on into the next sentence of the paragraph
    expect(first.quote).toContain('Nobody came back');
  });

  it('classifies unnamed officials, residents, witnesses and sources as anonymous', () => {
    const items = run(
      [
        'A police officer, speaking on condition of anonymity, said two checkpoints were attacked overnight.',
        'Residents of the old quarter said the market had been closed since Friday.',
        'The attack was carried out by a small cell, according to local sources.',
        'Two witnesses told reporters that the gunmen wore army uniforms.',
        'A source close to the provincial council said the curfew would be extended.',
      ].join('\n\n'),
    );
    expect(kinds(items)).toEqual([
      'anonymous: A police officer',
      'anonymous: Residents of the old quarter',
      'anonymous: local sources',
      'anonymous: Two witnesses',
      'anonymous: A source close to the provincial council',
    ]);
  });

  it('resolves "the officer" to the officer introduced before, not to a new source', () => {
    const items = run('An army officer said the bridge was mined.\n\nThe officer added that engineers were on their way.');
    expect(kinds(items)).toEqual(['anonymous: An army officer', 'anonymous: An army officer']);
  });

  it('recognises outlets: "X reported", "according to a report by X", generic newspapers, datelines', () => {
    const items = run(
      [
        'BAGHDAD (AFP) - Three bridges over the river were closed on Sunday.',
        'The vote was postponed again, Reuters reported.',
        'The transfer was approved last month, according to a report by The Guardian.',
        'The Iraqi newspaper Al-Sabah reported that the budget had been cut.',
      ].join('\n\n'),
    );
    const outletsFound = items.filter((i) => i.kind === 'outlet');
    // The dateline is wire copy (a credit of the whole story, see wire.ts), not an item.
    expect(outletsFound.map((o) => o.source)).toEqual(['Reuters', 'The Guardian', 'Al-Sabah']);
    expect(outletsFound.map((o) => o.sourceId ?? null)).toEqual(['reuters', 'guardian', null]);
  });

  it('credits a republished text to its origin', () => {
    const items = run('The council met twice this week.\n\nOriginally published on Enab Baladi.');
    const o = find(items, 'outlet', 'Enab Baladi');
    expect(o?.republished).toBe(true);
    expect(o?.cue).toBe('Originally published');
  });

  it('finds documents: "in a statement", "the report said"', () => {
    const items = run(
      'The ministry said in a statement that the border crossing would reopen.\n\nThe report said that thousands of families had returned to the district.',
    );
    expect(kinds(items)).toEqual(['organisation: The ministry', 'document: The report']);
  });

  it('marks figures asserted with no source as unattributed, and only those', () => {
    const items = run(
      'More than 300 families returned to the district last month.\n\nThe weather was mild and the streets were busy again.\n\nAbout 40 shops reopened, the mayor said.',
    );
    expect(items.map((i) => i.kind)).toEqual(['unattributed', 'anonymous']);
    expect(items[0].quote).toBe('More than 300 families returned to the district last month.');
  });

  it('does not take organisations, places or passives for speakers', () => {
    const items = run(
      [
        'The Islamic State claimed the attack in a message on Telegram.',
        'Baghdad said nothing about the convoy.',
        'The mayor was told by his deputy to close the road.',
        'UN says the camps are full.',
      ].join('\n\n'),
    );
    expect(items.filter((i) => i.kind === 'named-person' || i.kind === 'anonymous')).toEqual([]);
  });

  it('a "said" inside a quotation is not an attribution; only clause-final inversions are', () => {
    const items = run(
      [
        '"People told us the library matters more than the parking," said Aisha Patel.',
        'Two former guards, both now in prison, describe a network that paid smugglers in cash.',
      ].join('\n\n'),
    );
    expect(kinds(items)).toEqual(['named-person: Aisha Patel', 'anonymous: Two former guards']);
  });

  it('statements given to the page’s own outlet are first-hand', () => {
    const items = run('A farmer told ARA News that the wells had dried up.\n\nSource: ARA News', 'ARA News');
    expect(kinds(items)).toEqual(['anonymous: A farmer']);
    expect(items[0].via).toBeUndefined();
  });
});

describe('Arabic attributions', () => {
  it('names a person with a role (VSO), the agency he spoke to and later short references', () => {
    const text = [
      'وقال مدير المركز الإعلامي في نينوى رأفت الزراري لوكالة آرا نيوز إن عشرات الخبراء غادروا المدينة.',
      'وأضاف الزراري أن معظمهم يحملون جنسيات أجنبية.',
    ].join('\n\n');
    const items = run(text);
    const people = items.filter((i) => i.kind === 'named-person');
    expect(people.map((p) => p.source)).toEqual(['رأفت الزراري', 'رأفت الزراري']);
    expect(people[0].role).toBe('مدير المركز الإعلامي في نينوى');
    // Outlets are named as the text writes them; the pack's id says which one it is.
    expect(people[0].via).toBe('وكالة آرا نيوز');
    expect(people[0].viaSourceId).toBe('ara-news');
    expect(people[0].cue).toBe('وقال');
    expect(find(items, 'outlet', 'وكالة آرا نيوز')?.sourceId).toBe('ara-news');
    expect(text.slice(people[1].start, people[1].end)).toBe(people[1].quote);
  });

  it('role words with hamza (رئيس، قائد، نائب) and a definite role referring back to the named person', () => {
    const items = run(
      [
        'وقال رئيس مجلس محافظة نينوى أحمد الحمداني إن الطريق الدولي أعيد فتحه.',
        'وأكد قائد عمليات الجزيرة اللواء قاسم المحمدي أن القوات تقدمت شمالا.',
        'وأوضح الحمداني أن المجلس طلب دعما إضافيا.',
      ].join('\n\n'),
    );
    expect(items.map((i) => [i.kind, i.source, i.role])).toEqual([
      ['named-person', 'أحمد الحمداني', 'رئيس مجلس محافظة نينوى'],
      ['named-person', 'قاسم المحمدي', 'قائد عمليات الجزيرة اللواء'],
      ['named-person', 'أحمد الحمداني', 'رئيس مجلس محافظة نينوى'],
    ]);
  });

  it('anonymous sources: رفض الكشف عن اسمه, مصادر محلية, شهود عيان, أحد السكان', () => {
    const items = run(
      [
        'وقال ضابط في الجيش العراقي رفض الكشف عن اسمه إن الهجوم وقع فجرا.',
        'وأفادت مصادر محلية بأن الطريق أغلق بالكامل.',
        'وأكد شهود عيان أن المسلحين انسحبوا نحو الصحراء.',
        'وقال أحد السكان إن الكهرباء انقطعت منذ يومين.',
      ].join('\n\n'),
    );
    expect(kinds(items)).toEqual(['anonymous: ضابط في الجيش العراقي', 'anonymous: مصادر محلية', 'anonymous: شهود عيان', 'anonymous: أحد السكان']);
  });

  it('outlets through نقلا عن, وفقا لـ, بحسب ما أوردته and a channel as speaker', () => {
    const items = run(
      [
        'وذكرت صحيفة الشرق الأوسط نقلا عن مسؤول عراقي أن المفاوضات توقفت.',
        'ووفقا لوكالة رويترز، فإن القافلة وصلت إلى الحدود.',
        'وبحسب ما أوردته وكالة الأنباء العراقية، فقد أعيد فتح المعبر.',
        'وقالت قناة الجزيرة إن الاشتباكات استمرت حتى الصباح.',
      ].join('\n\n'),
    );
    expect(kinds(items)).toEqual([
      'outlet: صحيفة الشرق الأوسط',
      'anonymous: مسؤول عراقي',
      'outlet: وكالة رويترز',
      'outlet: وكالة الأنباء العراقية',
      'outlet: قناة الجزيرة',
    ]);
    expect(items.filter((i) => i.kind === 'outlet').map((i) => i.sourceId)).toEqual(['asharq-al-awsat', 'reuters', 'ina', 'al-jazeera']);
  });

  it('documents (في بيان) and a figure without a source', () => {
    const items = run('وقال التنظيم في بيان نشر على الإنترنت إن مقاتليه سيطروا على القرية.\n\nوقتل أكثر من 30 شخصا في الانفجار.');
    expect(kinds(items)).toEqual(['organisation: التنظيم', 'unattributed: ']);
  });
});

describe('French attributions', () => {
  it('inversions, selon, sous couvert d’anonymat, cités par', () => {
    const items = run(
      [
        '« Nous avons fui la nuit », a déclaré un habitant joint par téléphone.',
        "Selon l'agence Anadolu, le convoi a été arrêté à la frontière.",
        'Un responsable de la sécurité, sous couvert d’anonymat, a affirmé que la ville était encerclée.',
        "Des habitants, cités par Le Monde, décrivent une ville désertée.",
      ].join('\n\n'),
    );
    expect(kinds(items)).toEqual([
      'anonymous: un habitant joint par téléphone',
      'outlet: Anadolu Agency',
      'anonymous: Un responsable de la sécurité',
      'anonymous: Des habitants',
      'outlet: Le Monde',
    ]);
    expect(items[3].via).toBe('Le Monde');
  });
});

describe('bounded on hostile input', () => {
  // Each input's time is in `npm run bench:hot-paths` (budget 1 s); the timeout only guards against a hang.
  it('1 MB of pathological text gives an answer, never a hang or a throw', { timeout: 60_000 }, () => {
    const inputs = [
      'said '.repeat(200_000),
      ('a'.repeat(5000) + ' ').repeat(200),
      ',“'.repeat(500_000),
      'According to according to the the the '.repeat(30_000),
      'وقال '.repeat(200_000),
      ('Abu al-' + 'X'.repeat(10) + ' ').repeat(60_000),
      '1,000,000,000,'.repeat(75_000),
      'dozens of hundreds of thousands of '.repeat(30_000),
    ];
    for (const input of inputs) {
      const items = extractAttributions(input, { outlets });
      expect(Array.isArray(items), input.slice(0, 20)).toBe(true);
      for (const it of items) expect(it.quote.length, input.slice(0, 20)).toBeLessThanOrEqual(input.length);
    }
  });
});
