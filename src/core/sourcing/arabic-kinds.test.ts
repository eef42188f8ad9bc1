/** Arabic source kinds: documents, outlets and unnamed sources (sentences written for these tests). */
import { describe, expect, it } from 'vitest';
import defaultPack from '../../packs/default/pack.json';
import { extractAttributions } from './attributions';
import { outletsFromSources } from './outlets';
import { sourcingProfile } from './profile';
import type { Attribution } from './types';

const outlets = outletsFromSources(defaultPack.sources);
const run = (text: string) => extractAttributions(text, { outlets });
const kinds = (items: Attribution[]) => items.map((i) => `${i.kind}: ${i.source}`);
const pieces = (text: string, items: Attribution[]) => items.map((i) => text.slice(i.start, i.end).trim());

describe('Arabic sources by kind', () => {
  it('a sentence cut after a preposed "according to" cue: each statement keeps its own source', () => {
    const text = 'ناقش الوزيران خطة إعادة الإعمار في المدينة، حسب ما أعلنت الرئاسة، وجاء في بيان: أن التمويل سيصل قريبا، وأضاف البيان: إن اللجنة ستجتمع الشهر المقبل.';
    const items = run(text);
    expect(kinds(items)).toEqual(['organisation: الرئاسة', 'document: بيان', 'document: البيان']);
    expect(pieces(text, items)[0]).toBe('ناقش الوزيران خطة إعادة الإعمار في المدينة، حسب ما أعلنت الرئاسة،');
    expect(pieces(text, items)[1].startsWith('وجاء في بيان')).toBe(true);
  });

  it('"مطلع" describes an unnamed source, it is no name', () => {
    const items = run('وقال مسؤول أردني مطلع على المفاوضات إن الاتفاق بات قريبا.\n\nوبحسب المسؤول، فإن الوفدين سيلتقيان الأسبوع المقبل.');
    expect(kinds(items)).toEqual(['anonymous: مسؤول أردني مطلع', 'anonymous: مسؤول أردني مطلع']);
  });

  it('"ووفقا لبيان …": the document after a joined ل is the source, named without the ل', () => {
    const items = run('ووفقا لبيان الشرطة فإن ثلاثة مشتبه بهم اعتقلوا قرب الحدود.\n\nواستنادا للتقرير، فإن الأضرار طالت عشرات المنازل.');
    expect(kinds(items)).toEqual(['document: بيان الشرطة', 'document: التقرير']);
  });

  it('plural documents (تقارير، بيانات) speak as documents', () => {
    const items = run('وكانت بيانات الوزارة تشير إلى تراجع عدد الهجمات.\n\nوذكرت تقارير محلية أن الجسر أغلق.');
    expect(kinds(items)).toEqual(['document: بيانات الوزارة', 'document: تقارير محلية']);
  });

  it('"وفقا للألمانية": after "according to", the nisba alone names the national agency', () => {
    const items = run('وأعلنت الشرطة أنها أغلقت الطريق السريع طوال الليل، وفقا للألمانية.');
    const o = items.find((i) => i.kind === 'outlet');
    expect(o?.source).toBe('الألمانية');
    expect(o?.sourceId).toBe('dpa');
  });

  it('a nominative plural in -ون and its adjectives is the subject, the object after it is not', () => {
    const items = run('انتقد دبلوماسيون عرب وأوروبيون قرار الحكومة الأخير، مؤكدين أنه يضر بالمفاوضات.');
    expect(kinds(items)).toEqual(['anonymous: دبلوماسيون عرب وأوروبيون']);
  });

  it('polls are documents, also as the subject after "وأن"', () => {
    const items = run('وكشف استطلاع للرأي أن غالبية السكان يؤيدون الخطة.\n\nويرى الكاتب أن الوضع صعب، وأن استطلاعات الرأي تؤكد أن الثقة تتراجع.');
    expect(kinds(items).filter((k) => k.startsWith('document'))).toEqual(['document: استطلاع للرأي', 'document: استطلاعات الرأي']);
  });

  it('"انتهى التقرير إلى أن" concludes; "انتهت المعركة" only ended', () => {
    const items = run('وقد انتهى التقرير إلى أن الموارد المائية تتناقص بسرعة.\n\nوانتهت المعركة بعد ثلاثة أيام من القتال.');
    expect(kinds(items)).toEqual(['document: التقرير']);
  });

  it('no speaker in a preposition with its pronoun or in the object of a preposition', () => {
    const a = run('فالوعود التي كانت تقول بها الحكومات لم تتحقق بعد.');
    expect(a.filter((i) => i.kind === 'named-person')).toEqual([]);
    const b = run('وعثر المحققون في المنزل على أوراق قديمة تحث على العنف.');
    expect(b.filter((i) => i.kind === 'named-person')).toEqual([]);
  });

  it('unnamed media are an outlet kind of source, but no outlet relayed', () => {
    const text = 'وذكرت وسائل الإعلام الفرنسية أن المفاوضات استؤنفت.\n\nوأشارت الصحف إلى أن الوفد وصل مساء.';
    const items = run(text);
    expect(kinds(items)).toEqual(['outlet: وسائل الإعلام الفرنسية', 'outlet: الصحف']);
    const p = sourcingProfile(items, { text });
    expect(p.relays).toEqual([]);
    expect(p.secondHand).toBe(false);
  });

  it('after "هناك" the noun is the subject; theories speak as documents, also before التي', () => {
    const items = run('وهناك تقارير تشير إلى أن المصنع أغلق أبوابه.\n\nوتبقى فرضية انتشار الوباء التي تقول إن المياه كانت ملوثة.');
    expect(kinds(items)).toEqual(['document: تقارير', 'document: فرضية انتشار الوباء']);
  });

  it('a document before its verb is the subject when the verb agrees with it', () => {
    const a = run('ويأتي القرار بعد تقارير دولية أشارت إلى تدهور الوضع الإنساني.');
    expect(kinds(a)).toEqual(['document: تقارير دولية']);
    // "تغريدة" is feminine, "أوحى" masculine: the tweet is not what hinted.
    const b = run('وفصلت الشركة موظفا بعد تغريدة أوحى فيها بأن المدير مسؤول عن الخسائر.');
    expect(b.filter((i) => i.kind === 'document')).toEqual([]);
  });

  it('social-media accounts are unnamed sources', () => {
    const items = run('وزعمت حسابات مقربة من الجماعة أن قائدها نجا من الغارة.');
    expect(kinds(items)).toEqual(['anonymous: حسابات مقربة من الجماعة']);
  });

  it('"المتحدث باسم …" is an office held by one person, a bare "المتحدث" is not', () => {
    const items = run('وقال المتحدث الرسمي باسم وزارة الصحة إن المستشفيات استقبلت عشرات الجرحى.');
    expect(kinds(items)).toEqual(['named-person: المتحدث الرسمي باسم وزارة الصحة']);
    expect(kinds(run('وقال متحدث إن الوضع مستقر.'))).toEqual(['anonymous: متحدث']);
  });
});
