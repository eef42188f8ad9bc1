/**
 * English word lists of the Latin-script grammar. Sets used for both Latin-script languages
 * (determiners, source heads, role words) also hold their French words, marked "French"
 * where they are grouped; French-only lists are in lexicon-fr.ts.
 */
import { set } from './lexicon-set';

// ---------------------------------------------------------------- English cues

/** Speech verbs (lower-case). Value: true when the form is a past participle usable in a passive. */
export const EN_VERBS = new Map<string, boolean>(
  (
    'said:1 says say asked:1 asks told:1 replied:1 replies responded:1 responds lamented:1 laments quipped:1 joked:1 jokes countered:1 counters retorted:1 groused:1 scoffed:1 mused:1 boasted:1 boasts bragged:1 brags vowed:1 vows pledged:1 pledges promised:1 promises threatened:1 threatens echoed:1 echoes chanted:1 shouted:1 yelled:1 cautioned:1 contended:1 contends reiterated:1 repeated:1 recalled:1 conceded:1 acknowledged:1 predicted:1 explained:1 answered:1 answers wondered:1 speculated:1 charged:1 accused:1 accuses criticized:1 criticised:1 criticizes praised:1 praises tells tell explained:1 explains added:1 adds stressed:1 stresses warned:1 warns warn ' +
    'confirmed:1 confirms confirm reported:1 reports report noted:1 notes recalled:1 recalls recounted:1 recounts ' +
    'emphasized:1 emphasised:1 emphasizes emphasises claimed:1 claims claim admitted:1 admits admit concluded:1 concludes ' +
    'described:1 describes describe quoted:1 insisted:1 insists argued:1 argues argue acknowledged:1 acknowledges acknowledge ' +
    'revealed:1 reveals reveal announced:1 announces announce stated:1 wrote writes write asserted:1 asserts alleged:1 alleges ' +
    'declared:1 declares denied:1 denies deny urged:1 urges urge estimated:1 estimates believes believe cautioned:1 cautions ' +
    'observed:1 commented:1 remarked:1 disclosed:1 indicated:1 testified:1 tweeted:1 predicted:1 predicts suggested:1 suggests ' +
    'advised:1 conceded:1 concedes maintained:1 maintains complained:1 complains explain stress confirmed:1 insist ' +
    // Verbs that carry a quotation or a judgement ("called the plan “a disaster”", "blasted the ruling").
    'continued:1 continues called:1 calls cited:1 cites blasted:1 blasts slammed:1 slams mocked:1 mocks ripped:1 blamed:1 blames ' +
    'touted:1 touts hailed:1 hails decried:1 decries derided:1 derides dismissed:1 lambasted:1 scolded:1 chided:1 thanked:1 ' +
    'labeled:1 labelled:1 dubbed:1 branded:1 elaborated:1 apologized:1 apologised:1 demanded:1 proclaimed:1 assured:1 reminded:1 ' +
    'tweeted:1 posted:1 replied:1 pleaded:1 reasoned:1 quipped:1 marveled:1 marvelled:1 objected:1 protested:1 ' +
    'condemned:1 condemns denounced:1 denounces attacked:1 attacks criticised:1 accused:1 questioned:1 remembered:1 agreed:1 agrees ' +
    'disputed:1 disputes rejected:1 rejects predicted:1 forecast:1 recommended:1 insisted:1 summed:1 framed:1 described:1 referred:1 ' +
    'expressed:1 voiced:1 responded:1 retorted:1 reported:1 griped:1 snapped:1 fumed:1 sniped:1 telling states surmised:1 theorized:1'
  )
    .split(/\s+/)
    .map((w) => {
      const [k, p] = w.split(':');
      return [k, p === '1'] as [string, boolean];
    }),
);

/** Manner-of-speaking verbs that are a cue only in a sentence holding a quotation ("“Mexico!” the audience screamed back"). */
export const QUOTE_VERBS = set(
  'screamed cried whispered interjected exhorted reacted beamed exclaimed gushed hollered muttered murmured sighed laughed teased ' +
    'deadpanned intoned thundered bellowed barked confided implored begged rejoined pressed opined raged cracked grumbled ventured',
);

/**
 * Besides the speech verbs above, verbs that carry a short quotation as someone's words
 * ("pronounced “Hamas”", "invoked “law and order”", "used the word “invasion”").
 */
export const SHORT_QUOTE_VERBS = set('accuse denounce pronounced offered forwards forwarded landed cracked invoked used uses');

/** Verbs that only a document can be the subject of ("the video shows", "the study found"). */
export const DOC_ONLY_VERBS = set('shows showed show found finds reads read');

/** Two-word English cues: first word → second words. */
export const EN_PHRASAL = new Map<string, Set<string>>([
  ['pointed', set('out')],
  ['points', set('out')],
  ['called', set('for')],
  ['calls', set('for')],
  ['went', set('on')],
  ['goes', set('on')],
  ['shot', set('back')],
  ['fired', set('back')],
  ['chimed', set('in')],
  ['spoke', set('about of')],
  // "talked about the economy", "talks about his childhood": speech on a topic ("talked for hours" is not).
  ['talked', set('about')],
  ['talks', set('about')],
]);

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
    'cited citing asked writing talking according joint jointe joints jointes contacté contactée interrogé interrogée cité cités citée citées ' +
    'également lui elle selon par sous both each now still who which whose dont qui after before during despite without amid following',
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
  'authority:authorities worshipper:worshippers cameraman:cameramen crowd:crowds audience:audiences respondent:respondents ' +
  'insider:insiders host:hosts moderator:moderators reporter:reporters columnist:columnists commentator:commentators ' +
  'physician:physicians nurse:nurses teacher:teachers farmer:farmers owner:owners manager:managers executive:executives ' +
  'employee:employees worker:workers student:students parent:parents neighbor:neighbors neighbour:neighbours ' +
  'senator:senators lawmaker:lawmakers legislator:legislators candidate:candidates nominee:nominees voter:voters ' +
  'adviser:advisers advisor:advisors strategist:strategists pollster:pollsters economist:economists supporter:supporters ' +
  'critic:critics participant:participants delegate:delegates friend:friends businessman:businessmen donor:donors ' +
  'operative:operatives staffer:staffers organizer:organizers protester:protesters attendee:attendees republican:republicans ' +
  'democrat:democrats conservative:conservatives liberal:liberals scholar:scholars historian:historians prosecutor:prosecutors ' +
  'spokesperson:spokespersons representative:representatives congressman:congressmen congresswoman:congresswomen ' +
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
  'physicians nurses teachers farmers owners managers executives employees workers students parents neighbors neighbours ' +
  'senators lawmakers legislators candidates nominees voters advisers advisors strategists pollsters economists supporters ' +
  'critics participants delegates friends businessmen donors operatives staffers organizers protesters attendees republicans ' +
  'democrats conservatives liberals scholars historians prosecutors spokespersons representatives congressmen congresswomen ' +
  'authorities worshippers cameramen crowds audiences respondents hosts moderators reporters columnists commentators responsables officiers habitants résidents témoins observateurs analystes militaires ' +
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
  'enquête:report poll:poll polls:poll lawsuit:document suit:document complaint:document note:letter memo:document ' +
  'editorial:report ad:video ads:video advertisement:video filings:document emails:document email:letter website:post ' +
  'profile:post biography:document schedule:document summary:document count:data tally:data estimate:data estimates:data ' +
  'projection:data projections:data review:report tweets:post'
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
    'Sen. Sens. Rep. Reps. Gov. Del. Amb. Pres. Atty. Supt. Cmdr. Adm. Gen Sen Rep Gov Del Congressman Congresswoman Delegate ' +
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

/** Common nouns that are not people ("a car"; "a video" is a document). */
export const NON_PERSON = set(
  'group statement car bomb attack year week day month report time way lot number few couple series source bit part page site ' +
    'website article story piece book film movie law bill rule sign poster note map plan budget court poll test text email photo ' +
    'picture image clip wing campaign operation project programme program network system deal decision move process line list ' +
    'question answer survey study document letter message post tweet video pause fact moment while',
);
/** Verbs that invert after a quotation or a clause ("…,” said X", "…, the officer added"; French: "reconnaît l'officier"). */
export const INVERTING = set(
  'said says added adds told explained explains noted notes wrote writes asked recalled warned insisted argued stressed concluded ' +
    'confirmed admitted acknowledged conceded continued declared observed remarked cautioned tweeted replied responded remembered ' +
    'quipped joked countered predicted complained reasoned suggested promised asserted claimed emphasized urged mused boasted ' +
    'lamented announced demanded pleaded shouted yelled chanted retorted explained argues adds tells asks recalls continues insists ' +
    'writes predicts warns agreed agrees posted wondered elaborated marveled ' +
    'déclare affirme indique explique précise estime souligne assure raconte reconnaît reconnait résume dit confie rapporte ajoute ' +
    'avertit',
);
/** Verbs and auxiliaries: a phrase holding one is a clause, not a source. */
export const VERBISH = set(
  'is are was were has have had will would can could should did does do been be being not says said told say tell may ' +
    'might must est sont était ont avait',
);
/** Words in -ly that are not adverbs. */
export const LY_NOT_ADVERB = set('family ally rally assembly supply italy july daily weekly monthly reply anomaly holy belly bully jelly');

export const ANONYMITY_EN =
  /\b(?:on (?:the )?condition of anonymity|declined to be (?:named|identified)|asked not to be (?:named|identified)|requested anonymity|speaking anonymously|who did not want to be named|not authori[sz]ed to speak)/i;

/** Capitalised last words of an organisation's name ("the State Department", "the Pentagon", "IG Ltd."). */
export const ORG_NAME_END = set(
  'Department Ministry Government Council Forces Army Police Command Coalition Group Company Committee Organization ' +
    'Organisation Union Nations Office Agency Observatory Party Front Movement Alliance Authority Commission Court Bank Fund ' +
    'Service Services Guard Corps Brigade Brigades Battalion Division Pentagon Kremlin House Watch International Institute ' +
    'University Center Centre Foundation Campaign Administration Senate Congress Parliament Assembly Cabinet Embassy Board ' +
    'Bureau Association Federation Network Club Caliphate Vatican FBI CIA NSA NATO UN EU ISIS ISIL IS Daesh Taliban Hezbollah Hamas PKK YPG ' +
    'SDF DNC RNC GOP Ltd Inc Corp LLC Co Holdings Corporation Airlines Industries Republicans Democrats Pentagon Interpol Europol',
);
/** Lower-case heads of an organisation phrase ("the company said", "Trump's campaign said"). */
export const ORG_HEADS = set(
  'company campaign team government ministry administration department committee military army police council party court ' +
    'agency firm organization organisation group embassy commission board union coalition regime militia movement alliance ' +
    'parliament senate congress cabinet prosecutors prosecutor’s office bank corporation airline authority observatory ' +
    'industry network station newspaper magazine paper campaigns networks administration agencies institute center ' +
    'gouvernement ministère armée parti groupe',
);
/** Countries and capitals speaking as states ("Iran said", "Washington warned"). */
export const COUNTRIES = set(
  'Iran Iraq Syria Turkey Russia China Korea Taiwan Vietnam Brazil Argentina Colombia Greece Poland Sweden Norway Denmark Switzerland Austria Hungary France Britain Germany Israel Egypt Jordan Lebanon Libya Qatar Kuwait Bahrain Oman Yemen ' +
    'Pakistan Afghanistan India Japan Ukraine Italy Spain Belgium Netherlands Canada Australia Nigeria Tunisia Algeria Morocco ' +
    'Sudan Somalia Mali Niger Indonesia Malaysia Philippines Moscow Ankara Tehran Damascus Baghdad Beijing Riyadh Cairo ' +
    'Washington London Paris Berlin Kabul Amman Doha Beirut Tripoli Brussels Kyiv Kiev Pyongyang Seoul Mexico Cuba Venezuela',
);
/** Capitalised words that cannot be a surname said alone before a cue ("Monday said"). */
export const NOT_SURNAME = set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September ' +
    'October November December God Allah Everyone Nobody Somebody Someone Anyone Critics Supporters Others Officials Voters ' +
    'Minutes Hours Days Weeks Months Years Moments Later Earlier Asked Afterward Afterwards Overall Instead Yes No Well Oh ' +
    // Sentence openers that are not names ("Indeed, …", "Having won …, X said").
    'Indeed Perhaps Rather More Less First Second Third Finally Amid Among Everybody Nobody Somebody Anybody Everyone Hence Thus ' +
    'Sometimes Often Again Meanwhile Otherwise Nevertheless Nonetheless Regardless Besides Likewise Similarly Notably ' +
    'Obviously Clearly Certainly Surely Interestingly Ironically Unfortunately Fortunately Ultimately Instead Today Tonight Yesterday ' +
    'Having Facing Following According Speaking Given Being Seeing Asking Noting Adding Saying Writing Despite',
);
/** Places that a single capitalised run can name but never as a person speaking ("In Iowa, …", "People in Ohio said"). */
export const PLACES = set(
  'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois Indiana Iowa Kansas ' +
    'Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio ' +
    'Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Wisconsin Wyoming Benghazi Manhattan Brooklyn Chicago Boston ' +
    'Philadelphia Cleveland Detroit Miami Orlando Atlanta Houston Dallas Denver Seattle Phoenix Vegas Europe Asia Africa America ' +
    'Afghanistan Mexico Japan Israel Gaza Canada',
);
/** Two-word places ("New York", "North Carolina"): a run equal to one is not a person. */
export const PLACES2 = set(
  'New_York New_Hampshire New_Jersey New_Mexico North_Carolina South_Carolina North_Dakota South_Dakota West_Virginia ' +
    'Rhode_Island Los_Angeles San_Francisco San_Diego Las_Vegas Des_Moines Puerto_Rico Capitol_Hill Wall_Street Silicon_Valley ' +
    'White_House Des_Moines Salt_Lake New_Orleans St._Louis Middle_East Great_Britain Saudi_Arabia North_Korea South_Korea',
);
/** Words that may follow an inverted speaker ("…,” said Trump in an interview / as he dined / on Monday"). */
export const INVERSION_TAIL = set('in on at during after before outside while as when with to from told last this earlier later');
/** The Islamic State's own media, Latin spellings without "al-" (Amaq, al-Naba, al-Furqan, …). */
export const GROUP_MEDIA = set('amaq maq naba furqan hayat dabiq rumiyah rumiya nashir bayan battar itisam ajnad');

/** Common first names with a clear gender, for "he"/"she" back-references ("Hillary Clinton" … "she said"). */
export const FIRST_NAMES_F = set(
  'Hillary Melania Ivanka Michelle Nancy Elizabeth Sarah Carly Debbie Kellyanne Huma Megyn Donna Jennifer Mary Susan Karen ' +
    'Patricia Linda Barbara Margaret Lisa Laura Emily Jessica Ashley Amanda Katie Kate Anne Ann Jane Julie Rachel Maria Diane ' +
    'Dianne Nikki Loretta Madeleine Condoleezza Janet Kirsten Amy Claire Tammy Kamala Joni Marsha Heidi Rebecca Stephanie ' +
    'Christine Catherine Katherine Kathleen Helen Ruth Sonia Elena Jill Chelsea Angela Theresa Ellen Joan Judy Carol Sharon ' +
    'Deborah Cynthia Gloria Martha Alice Grace Rosa Denise Tina Lauren Hannah Natalie Olivia Victoria Valerie Samantha ' +
    'Caroline Wendy Jeanne Erin Molly Meghan Megan Brenda Pamela Peggy Sheila Monica Paula Phyllis Zoe Ileana Tulsi Kristen ' +
    'Heather Melissa Michele Andrea Nicole Jeanine Bonnie Marie Sylvia Virginia Irene Eva Emma Anna Julia Sara Kelly Jan',
);
export const FIRST_NAMES_M = set(
  'Donald Bernie Bernard Barack Bill Ted Marco Jeb John Joe Mike Michael Paul Chris Ben Rand Scott Mitt George Tim Tom Jim ' +
    'James Robert Bob David Richard Charles Joseph Thomas Mark Steve Steven Stephen Kevin Brian Jeff Jeffrey Ryan Jason Matt ' +
    'Matthew Andrew Josh Joshua Daniel Dan Eric Peter Frank Gary Larry Jerry Harry Newt Rudy Reince Corey Jared Roger Sean ' +
    'Rush Glenn Lindsey Mitch Chuck Orrin Elijah Martin Lincoln Rick Bobby Rahm Dick Karl Vladimir Benjamin Barry Ronald ' +
    'Jimmy Gerald Rex Jon Howard Hugh Bret Wolf Jake Alan Keith Kenneth Ken Gregory Greg Patrick Sam Samuel Henry Jack Ron ' +
    'Don Dennis Phil Philip Ed Edward Tony Anthony Nick Nicholas Adam Aaron Kyle Jonathan Nathan Luis Carlos Jorge Jose Juan ' +
    'Bruce Walter Arthur Fred Ray Roy Russell Wayne Dean Doug Douglas Tucker Jesse Cory Colin Chad Lou Louis Marc Neil Randy ' +
    'Rob Tommy Trey Vince Willie Zach Mohammed Muhammad Ahmed Ali Omar Hassan Abdul Francois Emmanuel Justin Xi Shinzo',
);
