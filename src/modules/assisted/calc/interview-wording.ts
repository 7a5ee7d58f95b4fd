/**
 * Interviewer wording (pure): the same question, told to the staff member who reads it out during a
 * phone call or a home visit. The question text gets "Lees voor:" and the help says how to ask, so the
 * person hears the same words as online and the answers stay comparable; only the instruction is added.
 * Options are read out in the printed order and never suggested, as interviewing practice asks
 * (CBS, "Methoden en kwaliteit van interviewen"): an interviewer who skips "weet ik niet" steers answers.
 */
import type { Question } from '../../surveys/definition/schema.ts'

/** What the interviewer does for a question type. */
const HOW: Record<Question['type'], string> = {
  grade: 'Vraag om een cijfer van 1 tot en met 10.',
  nps: 'Vraag om een getal van 0 tot en met 10.',
  ces: 'Lees de keuzes voor. Vraag om een getal van 1 tot en met 7.',
  agreement: 'Lees alle keuzes voor, ook "weet ik niet" als die er is.',
  smileys: 'Vraag: niet tevreden, neutraal of tevreden? Vraag daarna waarom.',
  single: 'Lees alle keuzes voor. Kies er één.',
  multiple: 'Lees alle keuzes voor. De persoon mag er meer kiezen.',
  open: 'Typ op wat de persoon zegt, in eigen woorden van de persoon. Noteer geen namen of nummers.',
  yes_no: 'Vraag om ja of nee.',
  date: 'Vraag om de datum.',
  consent:
    'Lees de vraag helemaal voor. Vink alleen aan als de persoon zelf duidelijk "ja" zegt. Zegt de persoon niets of twijfelt de persoon? Laat het leeg.',
}

/** The question as the interviewer sees it: "Lees voor: …" and how to ask, in every language of it. */
export function interviewQuestion(q: Question): Question {
  const text = Object.fromEntries(
    Object.entries(q.text).map(([lang, value]) => [lang, `Lees voor: ${value}`]),
  ) as Question['text']
  const help = q.help ? `${q.help.nl} ` : ''
  return { ...q, text, help: { nl: `${help}Voor u: ${HOW[q.type]}` } } as Question
}
