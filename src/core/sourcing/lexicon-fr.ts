/**
 * French-only word lists of the Latin-script grammar (French words inside shared sets are in
 * lexicon-en.ts).
 */
import { set } from './lexicon-set';

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

export const ANONYMITY_FR = /(?:sous (?:le )?couvert (?:de l'|d'|de l’|d’)anonymat|a requis l'anonymat|qui a souhaité garder l'anonymat)/i;
