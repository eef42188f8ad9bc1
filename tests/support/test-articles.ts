/**
 * Test articles written for these unit tests (not taken from any corpus).
 * Each is a plausible page of its kind, in the shape `detectTopic` receives.
 */
import type { DetectInput } from '../../src/core/detect/detect';

const para = (...ps: string[]) => ps.join('\n\n');

/** English news report centred on the group's media operations. */
export const EN_ON: DetectInput = {
  lang: 'en',
  title: 'Former ISIS media workers describe how the group staged its videos',
  text: para(
    'Three men who say they worked in the Islamic State media office in Raqqa told investigators in northern Iraq that the group planned its propaganda releases weeks ahead, choosing locations, costumes and camera angles before any fighting took place.',
    'The defectors, held by Kurdish security services since the spring, said ISIS paid its camera operators more than ordinary fighters and gave them cars, phones and satellite internet access. One of them said he left after a commander ordered him to film the execution of prisoners near Mosul.',
    'Researchers who track the group’s output say the accounts fit what is visible from the outside. Releases from its official outlets fell sharply after coalition airstrikes hit the buildings where editors worked, and the quality of the footage has declined since.',
    'Officials in Erbil said the three men are cooperating with prosecutors. They face charges of membership in a terrorist organisation; their lawyers say they were recruited as teenagers and never carried weapons.',
    'The testimony adds to a growing body of evidence on how ISIS built a media apparatus that helped it attract thousands of foreign fighters between 2014 and 2016.',
  ),
};

/** The same story told without a headline name, as many reports are. */
export const EN_ON_NO_HEADLINE: DetectInput = {
  lang: 'en',
  title: 'Defectors describe a propaganda machine run like a film studio',
  text: para(
    'Men who say they filmed and edited videos for the Islamic State in Syria described a strict production routine, with scripts approved by senior commanders.',
    'The three defectors said the group’s media office in Raqqa had its own budget and vehicles. ISIS fighters were ordered to repeat scenes until the footage satisfied the editors.',
    'Analysts say the Islamic State used such videos to recruit foreign fighters and to frighten the towns it was about to attack.',
  ),
};

/** A page about the Egyptian goddess. */
export const GODDESS: DetectInput = {
  lang: 'en',
  title: 'Isis: the Egyptian goddess of magic and motherhood',
  text: para(
    'Isis was one of the most important deities of ancient Egyptian religion. In mythology she was the sister and wife of Osiris and the mother of Horus, and she was worshipped as a protector of the dead and of children.',
    'When Set murdered Osiris, Isis searched the land for the pieces of his body and restored him to life long enough to conceive Horus. Pharaohs presented themselves as her sons, and the throne itself was one of her symbols.',
    'Her cult spread far beyond Egypt. The temple of Isis at Philae remained active into the sixth century, and shrines to the goddess were built across the Roman empire, from Pompeii to London.',
    'In art Isis is usually shown as a woman wearing a headdress shaped like a throne, or with cow horns and a sun disk borrowed from Hathor.',
  ),
};

/** A long economic article that names the group once, in passing. */
export const PASSING_MENTION: DetectInput = {
  lang: 'en',
  title: 'Turkish lira slides as central bank holds rates',
  text: para(
    'The Turkish lira fell to a record low against the dollar on Thursday after the central bank left its main interest rate unchanged, disappointing investors who had expected a rise to curb inflation.',
    'Annual consumer price inflation reached 11 percent last month, well above the bank’s target, driven by food and energy prices. Economists said the decision would add to doubts about the bank’s independence.',
    'Exporters have welcomed the weaker currency, which makes Turkish goods cheaper abroad, but companies with foreign-currency debt face higher repayments. Corporate borrowing in dollars and euros has grown quickly over the past decade.',
    'Tourism revenue, an important source of foreign exchange, fell in the first half of the year after a series of bombings, some blamed on ISIS, and a diplomatic dispute with Russia that halted charter flights.',
    'Analysts expect the bank to meet again next month. Several said it may be forced to act if the lira keeps falling, while government officials continued to call for lower borrowing costs to support growth.',
    'Stock markets in Istanbul were broadly flat, with banking shares slightly lower. Government bond yields rose to their highest level since January.',
    'The finance minister said the fundamentals of the economy remained strong and that the government would present a medium-term plan with new targets for the budget deficit in the autumn.',
  ),
};

/** An article where "is" is only the verb and IS never means the group. */
export const IS_VERB: DetectInput = {
  lang: 'en',
  title: 'WHAT IS GROUP THERAPY AND IS IT RIGHT FOR YOU?',
  text: para(
    'Group therapy is a form of treatment in which a therapist works with several people at once. It is often used for anxiety and depression, and it is usually cheaper than individual sessions.',
    'The group is typically made up of six to ten members. What IS important, therapists say, is that members feel safe: the group is confidential and attacks on other members are not allowed.',
    'If the format is not right for you, individual therapy is always an option.',
  ),
};

/** Arabic report using several forms of the names (with clitics and diacritics). */
export const AR_ON: DetectInput = {
  lang: 'ar',
  title: 'الدواعش يفرون من مواقعهم قرب الموصل بعد غارات مكثفة',
  text: para(
    'قالت مصادر محلية إن عشرات من عناصر تنظيم «داعش» انسحبوا من قرى تقع جنوب الموصل خلال الأيام الماضية، بعد غارات جوية نفذها التحالف الدولي على مقار التنظيم.',
    'وأضافت المصادر أن قادة التنظيم الداعشي أعدموا عددا من المقاتلين الأجانب بتهمة محاولة الفرار، وأن الخلايا التابعة لتنظيم الدولة في المنطقة فقدت قدرتها على التنقل.',
    'وكانت القوات العراقية قد أعلنت أن عملياتها ضد الدولة الإسلامية في محافظة نينوى دخلت مرحلة جديدة، فيما تحدث شهود عن عائلات داعشية غادرت باتجاه الحدود السورية.',
  ),
};

/** Arabic forms that must match after folding (no hamza, taa marbuta written as haa). */
export const AR_FOLDED: DetectInput = {
  lang: 'ar',
  title: 'ندوة عن تجنيد الشباب لصالح الدوله الاسلاميه في العراق والشام',
  text: para(
    'ناقش المشاركون كيف يستخدم التنظيم مواقع التواصل لاستقطاب المراهقين، وقال احد المتحدثين ان لتنظيم الدوله حسابات بعشرات اللغات.',
    'وعرض باحث تجارب شباب عادوا من صفوف الدواعش، وتحدث عن اساليب الدعاية التي يعتمدها كل داعشي مكلف بالتجنيد.',
  ),
};

/** Arabic article on another subject that never names the group. */
export const AR_OFF: DetectInput = {
  lang: 'ar',
  title: 'الحوثيون يقصفون مواقع في تعز وحزب الله يرسل تعزيزات إلى الزبداني',
  text: para(
    'قصفت جماعة الحوثي أحياء في مدينة تعز اليمنية، فيما أرسل حزب الله اللبناني مقاتلين إلى الزبداني في ريف دمشق.',
    'وقال مسؤولون إن تنظيم القاعدة في جزيرة العرب استغل الفوضى لتعزيز وجوده في حضرموت، وإن المتطرفين يستخدمون الدعاية لتجنيد الشباب في سوريا والعراق.',
  ),
};

/** French report. */
export const FR_ON: DetectInput = {
  lang: 'fr',
  title: "L'État islamique revendique un attentat-suicide dans le nord de l'Irak",
  text: para(
    "L'organisation État islamique a revendiqué samedi l'attentat-suicide qui a tué au moins vingt personnes sur un marché de la région de Kirkouk, selon un communiqué diffusé par l'agence Amaq.",
    "Les forces irakiennes affirment avoir repris plusieurs villages aux djihadistes de l'EI la semaine dernière, avec l'appui des frappes de la coalition internationale.",
    "Depuis la chute de Mossoul, le groupe Etat islamique multiplie les attaques contre des civils pour montrer qu'il reste capable de frapper malgré la perte de son califat autoproclamé.",
  ),
};

/** A French article using "un État islamique" in the generic sense. */
export const FR_GENERIC: DetectInput = {
  lang: 'fr',
  title: "Histoire des idées politiques au XXe siècle",
  text: para(
    "Le colloque a réuni des historiens venus de toute l'Europe pour discuter des grandes idéologies du siècle dernier, du libéralisme au communisme.",
    "Une séance a porté sur les mouvements qui, au Pakistan dans les années 1950, rêvaient d'un État islamique fondé sur une constitution moderne, et sur leurs débats avec les partis laïques.",
    "Les actes du colloque seront publiés au printemps par les presses universitaires.",
  ),
};

/** A recipe page, for the quick pass. */
export const RECIPE = {
  title: 'Easy chocolate cake with a fudge frosting',
  meta: 'A simple one-bowl chocolate cake recipe, ready in an hour. Ingredients, method and tips.',
  textSlice:
    'Heat the oven to 180C. Butter two 20cm sandwich tins and line the bases with baking paper. In a large bowl, whisk the flour, sugar, cocoa, baking powder and a pinch of salt. Add the eggs, milk, oil and vanilla and beat until smooth, then stir in the boiling water. The batter will be thin. Divide between the tins and bake for 25-30 minutes until a skewer comes out clean. For the frosting, melt the chocolate and butter together, then beat in the icing sugar and a splash of milk. Sandwich the cooled cakes with half the frosting and spread the rest over the top. Keeps for three days in an airtight tin.',
  lang: 'en',
  articleSignals: 1,
};
