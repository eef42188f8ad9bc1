/**
 * Word lists of the attribution grammar (English, French, Arabic). Arabic entries are
 * written folded (see `foldArabic`: أ/إ/آ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي).
 */

import { foldArabic } from '../text/normalize';

/** Word set; Arabic entries are folded here, so the lists can be written normally. */
const set = (s: string) => new Set(s.trim().split(/\s+/).map(foldArabic));

// ---------------------------------------------------------------- English / French cues

/** Speech verbs (lower-case). Value: true when the form is a past participle usable in a passive. */
export const EN_VERBS = new Map<string, boolean>(
  (
    'said:1 says say told:1 tells tell explained:1 explains added:1 adds stressed:1 stresses warned:1 warns warn ' +
    'confirmed:1 confirms confirm reported:1 reports report noted:1 notes recalled:1 recalls recounted:1 recounts ' +
    'emphasized:1 emphasised:1 emphasizes emphasises claimed:1 claims claim admitted:1 admits admit concluded:1 concludes ' +
    'described:1 describes describe quoted:1 insisted:1 insists argued:1 argues argue acknowledged:1 acknowledges acknowledge ' +
    'revealed:1 reveals reveal announced:1 announces announce stated:1 wrote writes write asserted:1 asserts alleged:1 alleges ' +
    'declared:1 declares denied:1 denies deny urged:1 urges urge estimated:1 estimates believes believe cautioned:1 cautions ' +
    'observed:1 commented:1 remarked:1 disclosed:1 indicated:1 testified:1 tweeted:1 predicted:1 predicts suggested:1 suggests ' +
    'advised:1 conceded:1 concedes maintained:1 maintains complained:1 complains explain stress confirmed:1 insist'
  )
    .split(/\s+/)
    .map((w) => {
      const [k, p] = w.split(':');
      return [k, p === '1'] as [string, boolean];
    }),
);

/** Verbs that only a document can be the subject of ("the video shows", "the study found"). */
export const DOC_ONLY_VERBS = set('shows showed show found finds');

/** Two-word English cues: first word → second words. */
export const EN_PHRASAL = new Map<string, Set<string>>([
  ['pointed', set('out')],
  ['points', set('out')],
  ['called', set('for')],
  ['calls', set('for')],
]);

/** French speech verbs in the present tense (subject before or after). */
export const FR_VERBS = set(
  'déclare affirme indique explique précise estime souligne assure raconte reconnaît reconnait résume cite dit disent confie ' +
    'rapporte ajoute avertit décrit décrivent estiment affirment expliquent racontent assurent confirment confirme témoigne témoignent ' +
    'souligne soulignent dénonce dénoncent affirmait expliquait racontait',
);
/** French past participles after an auxiliary ("a déclaré", "ont indiqué", "a-t-il ajouté"). */
export const FR_PARTICIPLES = set(
  'déclaré indiqué affirmé ajouté précisé expliqué souligné confié assuré averti dit estimé rapporté annoncé raconté reconnu ' +
    'démenti confirmé révélé décrit témoigné dénoncé écrit',
);
export const FR_AUX = set("a ont avait avaient a-t-il a-t-elle ont-ils ont-elles aurait auraient");

/** Pronouns that continue the last speaker. */
export const PRONOUNS_SG = set('he she il elle');
export const PRONOUNS_PL = set('they ils elles');

/** Adverbs and auxiliaries allowed between a speaker and the verb. */
export const EN_ADV_AUX = set(
  'also then later further previously earlier meanwhile recently again once has have had will would could might may did does do ' +
    'not never just reportedly repeatedly however too only even still already now separately sarcastically bluntly flatly ' +
    'aussi également encore déjà lui elle eux ne pas',
);
export const BE_AUX = set('was were is are been being be am');

/** Words that open a subordinate clause: the speaker never spans them. */
export const CLAUSE_WORDS = set(
  'that how because whom who which where while when whether if since although though after before as but than so what why ' +
    'que qui où quand lorsque mais car dont comme puisque',
);

/** Comma segments skipped when looking left for the speaker (adverbials, participial phrases). */
export const SKIP_SEGMENT_START = set(
  'for in on at meanwhile however also though moreover nonetheless therefore too reached contacted speaking interviewed quoted ' +
    'cited asked writing talking according joint jointe joints jointes contacté contactée interrogé interrogée cité cités citée citées ' +
    'également lui elle selon par sous both each now still who which whose dont qui',
);

/** Lead-in words stripped from a speaker phrase. */
export const NP_LEADIN = set(
  'and but so yet also then however meanwhile instead still now later earlier separately moreover furthermore et mais puis ' +
    'ainsi alors or',
);

export const DETERMINERS = set(
  "a an the this that these those one another some several many two three four five six other its their his her our " +
    "un une le la les l' l des du de d' ce cette ces plusieurs certains certaines deux trois autre autres quelques",
);

// ---------------------------------------------------------------- sources (English / French)

/** Heads of anonymous-source phrases → lemma (used for back-references and label matching). */
export const ANON_HEADS = new Map<string, string>();
for (const w of (
  'source:sources official:officials officer:officers resident:residents local:locals witness:witnesses ' +
  'eyewitness:eyewitnesses observer:observers expert:experts analyst:analysts diplomat:diplomats activist:activists ' +
  'spokesman:spokesmen spokeswoman:spokeswomen spokesperson:spokespeople person:people member:members fighter:fighters ' +
  'militant:militants defector:defectors commander:commanders leader:leaders insider:insiders informant:informants ' +
  'aide:aides investigator:investigators researcher:researchers doctor:doctors medic:medics soldier:soldiers villager:villagers ' +
  'refugee:refugees survivor:survivors relative:relatives lawyer:lawyers cleric:clerics imam:imams preacher:preachers ' +
  'authority:authorities worshipper:worshippers cameraman:cameramen ' +
  // French
  'source:sources responsable:responsables officier:officiers habitant:habitants résident:résidents témoin:témoins ' +
  'observateur:observateurs expert:experts analyste:analystes militaire:militaires diplomate:diplomates fidèle:fidèles ' +
  'combattant:combattants proche:proches membre:membres spécialiste:spécialistes'
).split(/\s+/)) {
  const [sg, pl] = w.split(':');
  ANON_HEADS.set(sg, sg);
  ANON_HEADS.set(pl, sg);
}
export const PLURAL_HEADS = new Set<string>();
for (const w of (
  'sources officials officers residents locals witnesses eyewitnesses observers experts analysts diplomats activists spokesmen ' +
  'spokeswomen spokespeople people members fighters militants defectors commanders leaders insiders informants aides ' +
  'investigators researchers doctors medics soldiers villagers refugees survivors relatives lawyers clerics imams preachers ' +
  'authorities worshippers cameramen responsables officiers habitants résidents témoins observateurs analystes militaires ' +
  'diplomates fidèles combattants proches membres spécialistes'
).split(/\s+/)) PLURAL_HEADS.add(w);

/** Role heads that can name a person ("the Iraqi analyst" → the analyst named earlier). */
export const ROLE_HEADS = set(
  'analyst minister spokesman spokeswoman official officer commander governor expert source resident witness defector cleric ' +
    'imam preacher researcher activist general colonel mayor lawyer doctor journalist diplomat ambassador envoy leader ' +
    'militant fighter cameraman director head chief president professor adviser advisor member man woman ' +
    'analyste ministre officier responsable porte-parole témoin habitant expert chercheur',
);

/** Document heads ("in a statement", "the report said", "a video shows"). */
export const DOC_HEADS = new Map<string, string>();
for (const w of (
  'report:report reports:report statement:statement statements:statement communique:statement communiqué:statement ' +
  'study:study studies:study survey:survey video:video videos:video footage:video recording:recording recordings:recording ' +
  'audio:recording tape:recording document:document documents:document leaflet:document letter:letter memo:document ' +
  'tweet:post tweets:post post:post message:post bulletin:statement release:statement assessment:report analysis:report ' +
  'investigation:report census:report figures:data data:data records:document indictment:document filing:document ' +
  'transcript:document rapport:report déclaration:statement étude:study vidéo:video enregistrement:recording lettre:letter ' +
  'enquête:report'
).split(/\s+/)) {
  const [k, v] = w.split(':');
  DOC_HEADS.set(k, v);
}

/** Capitalised words that are titles, departments or demonyms — never part of a person's name. */
export const ROLE_WORDS = set(
  'Minister Ministry President Prime Secretary General Gen. Spokesman Spokeswoman Commander Governor Director Head Chief ' +
    'Mayor Senator Representative Deputy Ambassador Sheikh Shaikh Imam Mullah Colonel Col. Brigadier Brig. Lieutenant Lt. ' +
    'Major Maj. Captain Capt. Sergeant Sgt. Dr. Dr Prof. Professor Judge King Prince Emir Cleric Bishop Archbishop Pope Mr. Mrs. ' +
    'Ms. Mr Mrs Ms Rev. Chairman Speaker MP Adviser Advisor Analyst Expert Official Officer Communications Defence Defense ' +
    'Interior Foreign Affairs Information Justice Health Finance Oil Education Security Intelligence Media Army Police Forces ' +
    'Staff Former Acting Vice Assistant Special Envoy Coordinator Provincial National Federal Regional Lawmaker Member ' +
    'Iraqi Syrian Kurdish American US U.S. Russian British French Turkish Iranian Saudi Egyptian Jordanian Lebanese Libyan ' +
    'Afghan Pakistani Nigerian Israeli Palestinian Qatari Emirati Yemeni Tunisian Moroccan Algerian German European Western ' +
    'Arab Sunni Shia Shiite Muslim Christian Yazidi Belgian Dutch Canadian Australian Chinese Indian Somali Sudanese Malian ' +
    'Chechen Uzbek Tajik Kurdistan Iraq Syria Political Military Senior Top Local Veteran Independent Retired ' +
    'Councillor Councilor Councilman Councilwoman Alderman Commissioner Chancellor Inspector Superintendent Sheriff Mufti ' +
    'Ayatollah Grand Lord Lady Sir Dame Hon. Hajji Haji Mullah Judge Justice Attorney Prosecutor Director-General ' +
    'Monsieur Madame M. Mme Ministre Général Colonel Porte-parole Président',
);

/** Capitalised words that make a run an organisation or a thing, not a person. */
export const ORG_WORDS = set(
  'State House Army Ministry Government Council Forces Observatory Agency Network News Times Post Journal Party Front ' +
    'Committee Organization Organisation Union Nations Department Office Police Command Coalition Group Company University ' +
    'Institute Center Centre Foundation Watch International Brigade Brigades Battalion Division Units Unit Movement Alliance ' +
    'Authority Commission Court Bank Fund Programme Program Service Services Guard Corps Caliphate Province Provinces Wilayat ' +
    'Emirate Republic Kingdom Emirates Arabia States Play Google Twitter Facebook YouTube Telegram Online Media TV Radio ' +
    'Press Daily Review Gazette Herald Tribune Telegraph Monitor Observer Channel Television Magazine Wire Today ISIS ISIL IS ' +
    'Daesh Islamic Mosque Church Street Square Airport Prison Camp Hospital Base City County Region Governorate Library ' +
    'UN EU NATO US U.S. UK U.N. CIA FBI Pentagon Kremlin Baghdad Damascus Ankara Tehran Washington Moscow Paris London ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September ' +
    'October November December Internet Web App Apple Microsoft Amazon Sunnis Shias Muslims Kurds Arabs Christians',
);

/** Capitalised function words: never names. */
export const CAP_STOP = set(
  'The A An This That These Those His Her Their Its Our My Your He She They It We I You One Another Some Many Most All Both ' +
    'Each Every Other Such Several Few Two Three Four Five Six Seven Eight Nine Ten In On At For From By With Of To And But ' +
    'Or So Yet Also Then However Meanwhile Instead Still Now Later Earlier Despite While When After Before Since As If ' +
    'Although Though Because Le La Les Un Une Des Du De Il Elle Ils Elles Selon Mais Et Ou Pour Par Sur Dans Avec Ce Cette ' +
    'Ces Local Locals Residents Sources Officials Security Experts Observers Analysts Witnesses Dozens Hundreds Thousands',
);

/** Lower-case particles inside names. */
export const NAME_PARTICLES = set('al el ad as ash at az an ar bin ibn bint abu abd umm de da di du van von der le la del ul bani');
/** First tokens of kunya-style names: the short reference is the first two tokens ("Abu Hajer"). */
export const KUNYA = set('abu umm abd ibn bin');

/** Capitalised words that end an outlet's name ("ARA News", "Christian Today", "Kurdistan 24"). */
export const OUTLET_END_WORDS = set(
  'News Times Post Journal Herald Tribune Gazette Telegraph Agency TV Radio Network Press Monitor Observer Chronicle Express ' +
    'Mail Today Wire Media Review Daily Magazine Weekly Dispatch Insider Report Newswire Online Channel Television 24',
);

/** Descriptors before an outlet's name ("the Russian news agency Novosti", "l'agence X"). */
export const OUTLET_DESCRIPTORS: string[][] = [
  'news agency', 'press agency', 'news network', 'wire service', 'tv channel', 'television channel', 'satellite channel',
  'tv station', 'television station', 'radio station', 'news website', 'news site', 'news outlet', 'news portal',
  'agency', 'newspaper', 'daily', 'weekly', 'paper', 'channel', 'broadcaster', 'television', 'radio', 'website', 'magazine',
  'outlet', 'network', 'tabloid', 'portal',
  "agence de presse", 'agence', 'quotidien', 'journal', 'hebdomadaire', 'chaîne de télévision', 'chaîne', 'télévision',
  'radio', 'site', 'magazine', 'média',
].map((d) => d.split(' '));
/** Descriptors after a name ("the Asharq Al-Awsat newspaper", "Rudaw TV"). */
export const OUTLET_SUFFIXES = set('newspaper daily agency tv television channel radio website network broadcaster magazine');
/** Adjectives allowed between a determiner and an outlet descriptor. */
export const OUTLET_ADJ = set(
  'state state-run state-owned official semi-official private independent local pan-arab arabic english-language ' +
    'arabic-language online kurdish iraqi syrian russian american british french turkish iranian saudi qatari egyptian ' +
    'lebanese israeli german international regional leading major news',
);
/** "a report by", "an article in": lead-ins to an outlet after "according to". */
export const REPORT_LEADIN = set('report reports article story investigation interview piece dispatch editorial analysis rapport article');
export const BY_WORDS = set('by in from of with on par dans de du');

// ---------------------------------------------------------------- anonymity markers

export const ANONYMITY_EN =
  /\b(?:on (?:the )?condition of anonymity|declined to be (?:named|identified)|asked not to be (?:named|identified)|requested anonymity|speaking anonymously|who did not want to be named|not authori[sz]ed to speak)/i;
export const ANONYMITY_FR = /(?:sous (?:le )?couvert (?:de l'|d'|de l’|d’)anonymat|a requis l'anonymat|qui a souhaité garder l'anonymat)/i;
/** Folded Arabic. */
export const ANONYMITY_AR =
  /(?:رفض(?:ت)? الكشف عن (?:اسمه|اسمها|هويته|هويتها)|(?:طلب|طلبت|فضل|فضلت|اشترط|مشترطا|شريطه) عدم (?:الكشف عن|ذكر) (?:اسمه|اسمها|هويته|هويتها)|لم يكشف عن اسمه|مفضلا عدم ذكر اسمه)/u;

// ---------------------------------------------------------------- Arabic (folded)

/** Speech verbs (past/present, masc./fem.) after an optional و / ف. */
export const AR_VERBS = set(
  'قال قالت يقول تقول اضاف اضافت يضيف تضيف اكد اكدت يوكد توكد افاد افادت يفيد تفيد صرح صرحت اوضح اوضحت يوضح توضح ' +
    'اشار اشارت يشير تشير ذكر ذكرت يذكر تذكر اعلن اعلنت كشف كشفت حذر حذرت يحذر تحذر تابع تابعت لفت لفتت شدد شددت يشدد ' +
    'اورد اوردت زعم زعمت نفي نفت اعتبر اعتبرت يعتبر اعترف اعترفت ابلغ ابلغت نبه نبهت يري تري راي رات طالب طالبت دعا دعت ' +
    'اعرب اعربت قالوا اكدوا افادوا ذكروا اضافوا اشاروا اوضحوا يرون يقولون يوكدون حذروا اعتبروا طالبوا كشفوا صرحوا نفوا',
);
/** "according to" cues (folded). */
export const AR_PREPS = set('بحسب حسب وبحسب وحسب وفق ووفق وفقا ووفقا طبقا نقلا استنادا');
export const AR_SKIP_AFTER_VERB = set(
  'اليوم امس ايضا كذلك مساء صباح الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت يوم لاحقا سابقا بدوره بدورها من جهته ' +
    'جهته جهتها',
);
/** Words that end the speaker phrase after an Arabic verb. */
export const AR_NP_STOP = set(
  'ان انه انها انهم بان بانه بانها بانهم الي علي عن في من خلال مع ل لـ ما الذي التي الذين حيث اذ لان كما و او ثم',
);
/** Anonymous heads (indefinite). */
export const AR_ANON_HEADS = new Map<string, string>();
for (const w of (
  'مصدر:مصدر مصادر:مصدر مسوول:مسوول مسوولون:مسوول مسوولين:مسوول شهود:شاهد شاهد:شاهد سكان:ساكن ساكن:ساكن اهالي:ساكن ' +
  'ضابط:ضابط ضباط:ضابط مراقبون:مراقب مراقبين:مراقب ناشطون:ناشط ناشطين:ناشط ناشط:ناشط نشطاء:ناشط خبراء:خبير خبير:خبير ' +
  'محللون:محلل محللين:محلل محلل:محلل عنصر:عنصر عناصر:عنصر مقاتل:مقاتل مقاتلون:مقاتل مقاتلين:مقاتل قيادي:قيادي قياديون:قيادي ' +
  'مواطن:ساكن مواطنون:ساكن مسعف:مسعف طبيب:طبيب اطباء:طبيب موظف:موظف جندي:جندي جنود:جندي منشق:منشق منشقون:منشق ' +
  'مسلح:مسلح مسلحون:مسلح اوساط:مصدر جهات:مسوول دوائر:مصدر محامون:محام محامين:محام شخص:شخص اشخاص:شخص مقربون:مقرب ' +
  'مقربين:مقرب متحدث:متحدث سلطات:مسوول'
).split(/\s+/)) {
  const [k, v] = w.split(':');
  AR_ANON_HEADS.set(foldArabic(k), foldArabic(v));
}
export const AR_PLURAL_ANON = set(
  'مصادر مسوولون مسوولين شهود سكان اهالي ضباط مراقبون مراقبين ناشطون ناشطين نشطاء خبراء محللون محللين عناصر مقاتلون مقاتلين ' +
    'قياديون مواطنون اطباء جنود منشقون مسلحون اوساط جهات دوائر محامون محامين اشخاص مقربون مقربين سلطات',
);
/** Role heads that precede a name ("المحلل السياسي العراقي مخلد حازم"). */
export const AR_ROLE_HEADS = set(
  'مدير رئيس وزير محافظ قائد متحدث ناطق خبير محلل باحث شيخ لواء عميد عقيد فريق دكتور سفير نائب عضو امين مستشار ضابط قيادي ' +
    'مسوول الرئيس المدير الوزير المحافظ القائد المتحدث الناطق الخبير المحلل الباحث الشيخ اللواء العميد العقيد الفريق ' +
    'الدكتور السفير النائب العضو الامين المستشار الضابط القيادي المسوول الامير امير الداعيه الصحفي الكاتب الاكاديمي',
);
/** Words that cannot be part of an Arabic personal name (adjectives, common nouns). */
export const AR_NAME_STOP = set(
  'العراقي العراقيه السوري السوريه الامني الامنيه العسكري العسكريه السياسي السياسيه الاعلامي الاعلاميه الامريكي الامريكيه ' +
    'الروسي الروسيه الكردي الكرديه التركي التركيه الايراني الايرانيه الفرنسي الفرنسيه البريطاني البريطانيه الاستراتيجي ' +
    'الاسلامي الاسلاميه المحلي المحليه الدولي الدوليه الحكومي الحكوميه الاسبق السابق السابقه الحالي العام العامه الرسمي الرسميه ' +
    'المستقل الشرعي الاول الثاني التنظيم الدوله الجيش الحكومه الوزاره المركز الاعلام الشرطه المتحده الامم باسم في من علي الي ' +
    'عن مع داعش تنظيم وزاره مجلس قوات جيش شرطه ولايه مدينه محافظه المدينه المحافظه',
);
/** Outlet descriptors (folded). */
export const AR_OUTLET_HEADS = set('وكاله صحيفه جريده قناه موقع شبكه اذاعه مجله تلفزيون فضائيه');
export const AR_DOC_HEADS = new Map<string, string>();
for (const w of (
  'بيان:statement البيان:statement تقرير:report التقرير:report تسجيل:recording التسجيل:recording فيديو:video الفيديو:video ' +
  'شريط:video الشريط:video مقطع:video المقطع:video دراسه:study الدراسه:study وثيقه:document الوثيقه:document وثائق:document ' +
  'الوثائق:document رساله:letter الرساله:letter منشور:post المنشور:post تغريده:post التغريده:post احصائيه:data الاحصائيه:data ' +
  'بلاغ:statement البلاغ:statement'
).split(/\s+/)) {
  const [k, v] = w.split(':');
  AR_DOC_HEADS.set(foldArabic(k), v);
}
/** Kunya / compound-name particles (folded). */
export const AR_NAME_PARTICLES = set('ابو ابن بن عبد ام بنت');
/** Words after "في" that make an interview/statement phrase ("في تصريح لـ", "في بيان"). */
export const AR_INTERVIEW = set('تصريح تصريحات حديث مقابله اتصال لقاء كلمه تغريده');
