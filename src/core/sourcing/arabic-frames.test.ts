/** Arabic subjects before their verb and long role phrases (sentences written for these tests). */
import { describe, expect, it } from 'vitest';
import defaultPack from '../../packs/default/pack.json';
import { extractAttributions } from './attributions';
import { outletsFromSources } from './outlets';
import type { Attribution } from './types';

const outlets = outletsFromSources(defaultPack.sources);
const run = (text: string) => extractAttributions(text, { outlets });
const kinds = (items: Attribution[]) => items.map((i) => `${i.kind}: ${i.source}`);

describe('Arabic framed subjects and role phrases', () => {
  it('"وكان <long role phrase + name> (قد) أكد": the subject before the verb may run to a dozen words', () => {
    const items = run('وكان الشيخ سالم أحمد الخالد نائب رئيس مجلس الوزراء ووزير الداخلية قد أكد ضرورة التنسيق بين الأجهزة.');
    expect(kinds(items)).toEqual(['named-person: سالم أحمد الخالد']);
  });

  it('two roles joined by و ("نائب رئيس الوزراء ووزير الخارجية") are one role phrase before the name', () => {
    expect(kinds(run('وقال نائب رئيس الوزراء ووزير الخارجية سامي العلي إن المحادثات مستمرة.'))).toEqual(['named-person: سامي العلي']);
    const items = run('وكان نائب رئيس مجلس الوزراء ووزير الدفاع الشيخ ناصر فهد العبدالله المبارك أكد أهمية تبادل المعلومات بين الوزارات.');
    expect(items.map((i) => i.kind)).toEqual(['named-person']);
    expect(items[0].source.startsWith('ناصر فهد')).toBe(true);
  });
});

describe('Arabic outlets named in quotation marks', () => {
  it('an opener inside quotation marks ("«سي ان ان»") is part of the name, not the start of the subject', () => {
    expect(kinds(run('وكانت شبكة «سي ان ان» قد ذكرت أن الطائرات أقلعت من القاعدة.'))).toEqual(['outlet: شبكة سي ان ان']);
  });

  it('a known name covering only part of the quotation gives way to the whole quotation', () => {
    const items = run('وكانت شبكتا «سي ان ان تورك» و«ان تي في» الإخباريتين التلفزيونيتين أكدتا أن الطائرات أقلعت من القاعدة.');
    expect(kinds(items)).toEqual(['outlet: سي ان ان تورك']);
    expect(kinds(run('وذكرت صحيفة "الحياة" أن الطائرات أقلعت.'))).toEqual(['outlet: صحيفة الحياة']);
  });
});

describe('Arabic pairs named by a dual', () => {
  it('the dual of a role ("الوزيران", "الرئيسان أنهما") is one named source', () => {
    expect(kinds(run('وقال الوزيران إن المحادثات كانت مثمرة.'))).toEqual(['named-person: الوزيران']);
    expect(kinds(run('وأكد الرئيسان أنهما سيعززان التعاون.'))).toEqual(['named-person: الرئيسان']);
  });

  it('"وصفا" is a dual verb only before its complementizer, otherwise the noun "a description"', () => {
    expect(run('وقدم الباحث وصفا دقيقا للمدينة.')).toEqual([]);
  });
});

describe('Arabic sentences with one source twice', () => {
  it('a document that speaks again after another speaker of the sentence keeps a statement of its own', () => {
    const text = 'وأضاف البيان: إن الوفدين بحثا ملف الحدود، وأكد الوزيران أنهما سيلتقيان قريبا، وأشار البيان إلى أن «اللجنة ستجتمع الشهر المقبل».';
    const items = run(text);
    expect(kinds(items)).toEqual(['document: البيان', 'named-person: الوزيران', 'document: البيان']);
    expect(text.slice(items[2].start, items[2].end).startsWith('وأشار البيان')).toBe(true);
  });
});

describe('Arabic bodies after an elative', () => {
  it('"أكبر حزب …", "أبرز حزب …": the body speaks, named with its elative', () => {
    expect(kinds(run('ودعا أكبر حزب معارض إلى تجمع ضخم يوم الأحد.'))).toEqual(['organisation: أكبر حزب معارض']);
    expect(kinds(run('وقال أبرز حزب كردي في البلاد إن الانتخابات مزورة.'))).toEqual(['organisation: أبرز حزب كردي']);
  });
});

describe('Arabic subjects before an aside ("من جهته", "بدوره")', () => {
  it('a name, then the aside, then the verb: the name speaks', () => {
    expect(kinds(run('سامي العلي من جهته قال: إن الاتفاق مهم.'))).toEqual(['named-person: سامي العلي']);
    expect(kinds(run('سامي العلي، من جهته، قال إن الاتفاق مهم.'))).toEqual(['named-person: سامي العلي']);
    expect(kinds(run('الحكومة من جهتها قالت إن الاتفاق مهم.'))).toEqual(['organisation: الحكومة']);
  });

  it('one bare word before the aside is no name', () => {
    expect(run('سامي بدوره قال إن الاتفاق مهم.').filter((i) => i.kind === 'named-person')).toEqual([]);
  });
});

describe('Arabic "agreed that" and unnamed scholars', () => {
  it('"أجمعوا على أن" reports a shared statement; "أجمع … على ضرورة" without أن does not', () => {
    expect(kinds(run('وقال خبراء إن الوضع خطير. وأجمعوا على أن الحل سياسي.'))).toEqual(['anonymous: خبراء', 'anonymous: خبراء']);
    expect(run('وأجمع المشاركون على ضرورة الحوار.')).toEqual([]);
  });

  it('"علماء" (scholars) unnamed are an anonymous group', () => {
    expect(kinds(run('وقال علماء المسلمين إن الفتوى باطلة.'))).toEqual(['anonymous: علماء المسلمين']);
  });
});

describe('Arabic bodies before a relative pronoun', () => {
  it('"… لتنظيم «داعش» الذي أعلن …": the body after the joined ل speaks, named without it', () => {
    const items = run('وغيرت الجماعة اسمها لتأكيد ولائها لتنظيم «داعش» الذي أعلن قيام «خلافة» على الأراضي الخاضعة لسيطرته.');
    expect(kinds(items)).toEqual(['organisation: تنظيم داعش']);
  });
});
