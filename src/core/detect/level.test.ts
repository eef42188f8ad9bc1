/**
 * The three-way verdict (about / partly / none) on short articles written for these tests
 * (English, French, Arabic), and the profile's tie words: data, loose groups, first pass.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTopic, compileProfile, DEFAULT_PROFILE, detectTopic, ProfileError } from './index';
import type { DetectInput } from './detect';

const para = (...ps: string[]) => ps.join('\n\n');

const EN_TRIAL: DetectInput = {
  title: 'Three men jailed after four-week trial in Leeds',
  lang: 'en',
  text: para(
    'A jury at Leeds Crown Court on Friday convicted three men of preparing acts of terrorism, ending a trial that began in early March.',
    'Prosecutors said the men had sent money to two friends who joined Islamic State fighters in Syria in 2015 and had discussed travelling themselves.',
    'The judge sentenced the oldest defendant to nine years and the others to seven. Their lawyers said they would consider an appeal against the convictions.',
    'Detectives told the court that messages found on a laptop showed the men had tried to recruit a fourth friend, who went to the police instead.',
  ),
};

const EN_PASSING: DetectInput = {
  title: 'Harbour town votes to keep its Saturday market',
  lang: 'en',
  text: para(
    'Councillors in the harbour town voted on Tuesday to keep the Saturday market on the quay for another five years, after traders collected more than two thousand signatures.',
    'The market, which began in 1987 with six stalls, now has more than forty, selling fish, cheese, bread, plants and second-hand books.',
    'One councillor, a former army officer who served in Iraq during the campaign against ISIS, said the market was the reason he had moved to the town.',
    'The council will spend £40,000 on new awnings and a water supply for the fish stalls, and will review parking on the quay next spring.',
    'Traders welcomed the decision. "We can plan ahead now," said a baker who has had a stall for eleven years.',
  ),
};

const FR_TRIAL: DetectInput = {
  title: 'Quatre ans de prison pour un homme qui voulait rejoindre la Syrie',
  lang: 'fr',
  text: para(
    "Le tribunal correctionnel de Paris a condamné mardi un homme de 24 ans à quatre ans de prison pour association de malfaiteurs terroriste.",
    "Selon le parquet, il avait tenté à deux reprises de rejoindre les combattants de l'État islamique en Syrie, et avait été interpellé à l'aéroport en 2016.",
    "Lors du procès, son avocat a plaidé la naïveté de son client, qui avait selon lui été recruté en ligne par un inconnu. Le jugement sera sans doute frappé d'appel.",
  ),
};

const FR_PASSING: DetectInput = {
  title: 'À Lyon, la fête des Lumières attire moins de visiteurs',
  lang: 'fr',
  text: para(
    "La fête des Lumières a attiré cette année environ 1,8 million de visiteurs en quatre soirs, un chiffre en baisse par rapport à l'an dernier, selon la mairie.",
    "Les organisateurs expliquent ce recul par la pluie du samedi et par la hausse des prix des hôtels. Les commerçants du centre se disent pourtant satisfaits.",
    "Un responsable de la sécurité a rappelé que le dispositif avait été renforcé après 2015, quand l'État islamique menaçait les grands rassemblements, sans plus de détails.",
    "Les installations les plus courues ont été celles de la place des Terreaux et de la cathédrale Saint-Jean, où il fallait parfois attendre une demi-heure.",
  ),
};

const FR_TAX: DetectInput = {
  title: "Le taux de l'IS baisse encore pour les PME",
  lang: 'fr',
  text: para(
    "Le taux réduit de l'IS, l'impôt sur les sociétés, s'applique désormais aux bénéfices des petites entreprises jusqu'à 42 500 euros.",
    "Pour les comptables, la mesure simplifie les déclarations. L'IS reste toutefois plus élevé que dans plusieurs pays voisins, rappelle une fédération patronale.",
  ),
};

const AR_TRIAL: DetectInput = {
  title: 'السجن عشر سنوات لثلاثة متهمين في قضية خلية',
  lang: 'ar',
  text: para(
    'أصدرت المحكمة الجزائية المتخصصة أمس حكما بسجن ثلاثة متهمين عشر سنوات لكل منهم، بعد جلسات استمرت أربعة أشهر، وذلك إثر إدانتهم بالانتماء إلى خلية إرهابية وتمويلها وإيواء مطلوبين أمنيا.',
    'وحضر الجلسة الأخيرة عدد من أقارب المتهمين، فيما قدمت النيابة العامة أدلة من الهواتف المضبوطة ومن اعترافات أحد الموقوفين في القضية نفسها.',
    'وقالت النيابة إن المتهمين حاولوا تجنيد شبان للقتال مع عناصر داعش في سوريا، وإن القبض عليهم تم قبل عامين.',
    'ونفى محامو المتهمين التهم، وقالوا إنهم سيطعنون في الحكم أمام محكمة الاستئناف.',
  ),
};

describe('three-way verdict', () => {
  it('a trial story naming the group once, in the body, is partly about it, and says why', () => {
    const v = analyzeTopic(EN_TRIAL, DEFAULT_PROFILE);
    expect(v.level).toBe('partly');
    expect(v.onTopic).toBe(true);
    expect(v.features.bodyHits).toBe(1);
    expect(v.features.tiedHits).toBe(1);
    expect(v.reason).toMatch(/not in the headline/);
    expect(v.reason).toMatch(/a trial|its fighters or recruits/);
  });

  it('a single passing mention in a story on something else stays none', () => {
    const v = detectTopic(EN_PASSING, DEFAULT_PROFILE);
    expect(v.level).toBe('none');
    expect(v.onTopic).toBe(false);
    expect(v.reason).toMatch(/in passing/);
  });

  it('a page naming the group in its headline and throughout is about it', () => {
    const v = detectTopic(
      {
        title: 'Islamic State fighters lose last stronghold',
        lang: 'en',
        text: para(
          'Islamic State fighters surrendered on Saturday after weeks of siege, Kurdish-led forces said.',
          'The fall of the village ends the territorial rule of the Islamic State, which once held a third of Iraq and Syria.',
          'Thousands of ISIS members and their families have been taken to camps in the north-east.',
        ),
      },
      DEFAULT_PROFILE,
    );
    expect(v.level).toBe('about');
    expect(v.onTopic).toBe(true);
  });

  it('French: a trial naming « État islamique » once is partly about it; a passing mention and the tax "IS" are not', () => {
    const trial = analyzeTopic(FR_TRIAL, DEFAULT_PROFILE);
    expect(trial.lang).toBe('fr');
    expect(trial.level).toBe('partly');
    expect(trial.features.tieLabels.length).toBeGreaterThan(0);
    expect(detectTopic(FR_PASSING, DEFAULT_PROFILE).level).toBe('none');
    const tax = detectTopic(FR_TAX, DEFAULT_PROFILE);
    expect(tax.level).toBe('none');
    expect(tax.onTopic).toBe(false);
  });

  it('Arabic: a trial naming داعش once in the body is partly about it', () => {
    const v = analyzeTopic(AR_TRIAL, DEFAULT_PROFILE);
    expect(v.lang).toBe('ar');
    expect(v.level).toBe('partly');
  });

  it('tie words alone (no name of the group) never make a page partly about it', () => {
    const v = detectTopic({ ...EN_TRIAL, text: EN_TRIAL.text.replace('Islamic State fighters', 'armed groups') }, DEFAULT_PROFILE);
    expect(v.level).toBe('none');
    expect(v.onTopic).toBe(false);
  });

  it('a first mention deeper than the first pass reads is not enough for partly', () => {
    const filler = para(...Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of the council report covers roads, parks, lighting and the annual budget in some detail.`));
    const v = detectTopic({ ...EN_TRIAL, text: filler + '\n\n' + EN_TRIAL.text }, DEFAULT_PROFILE);
    expect(v.level).toBe('none');
  });
});

describe('tie words in profiles', () => {
  const base = { id: 't', label: 'T', languages: { en: { names: ['Acme Front'], ties: { 'a trial': ['trial', 'convicted'], 'the war on it': { loose: true, terms: ['airstrikes'] } } } } };

  it('compile as their own kind, strong (1) or loose (0.5), outside the first pass', () => {
    const p = compileProfile(base);
    const ties = p.terms.filter((t) => t.kind === 'tie');
    expect(ties.map((t) => [t.term, t.tie, t.weight])).toEqual([
      ['trial', 'a trial', 1],
      ['convicted', 'a trial', 1],
      ['airstrikes', 'the war on it', 0.5],
    ]);
    expect(p.quickTerms.terms.map((t) => t[0])).toEqual(['Acme Front']);
    expect(p.languages.get('en')!.tieScanner).not.toBeNull();
    expect(p.languages.get('en')!.scanner.re.test('convicted')).toBe(false);
  });

  it('a loose tie alone does not make a single mention partly', () => {
    const p = compileProfile(base);
    const opening =
      'The hills north of the river saw another night of heavy bombardment, residents said on Sunday, and several roads were closed to traffic while ' +
      'engineers checked two bridges for damage. Schools in the valley stayed shut and the regional hospital asked for blood donors.\n\n';
    const text = opening + 'The Acme Front was named once. Airstrikes airstrikes airstrikes airstrikes hit the hills again.';
    expect(detectTopic({ title: 'Hills', text, lang: 'en' }, p).level).toBe('none');
    const strong = opening + 'A court convicted two Acme Front members after a trial; the trial lasted a week and both were convicted.';
    expect(detectTopic({ title: 'Court', text: strong, lang: 'en' }, p).level).toBe('partly');
  });

  it('malformed tie groups are refused with a readable error', () => {
    expect(() => compileProfile({ ...base, languages: { en: { names: ['Acme'], ties: { x: 'trial' } } } })).toThrow(ProfileError);
    expect(() => compileProfile({ ...base, languages: { en: { names: ['Acme'], ties: ['trial'] } } })).toThrow(ProfileError);
  });
});
