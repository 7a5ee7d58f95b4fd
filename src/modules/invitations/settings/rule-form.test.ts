import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DEFAULT_RULE } from '../default-rule.ts'
import { parseRuleForm, type RuleForm, ruleToForm } from './rule-form.ts'

const form = (over: Partial<RuleForm> = {}): RuleForm => ({ ...ruleToForm({ ...DEFAULT_RULE }), ...over })

describe('the invitation rule form', () => {
  it('reads back the default rule unchanged', () => {
    assert.deepEqual(parseRuleForm(form()).values, { ...DEFAULT_RULE })
  })

  it('reads a minutes delay without quiet hours and without reminder', () => {
    const parsed = parseRuleForm(
      form({
        vertraging: 'minuten',
        minuten: '45',
        'stil-van': '',
        'stil-tot': '',
        herinnering: '',
        kanaal: 'sms',
      }),
    )
    assert.deepEqual(parsed.values, {
      ...DEFAULT_RULE,
      delay_kind: 'minutes',
      delay_at: null,
      delay_minutes: 45,
      quiet_from: null,
      quiet_to: null,
      reminder_after_days: null,
      channel: 'sms',
    })
  })

  it('names every invalid field at once', () => {
    const parsed = parseRuleForm(
      form({
        vertraging: 'volgende-werkdag',
        tijdstip: '7:00',
        'stil-van': '21:00',
        'stil-tot': '',
        steekproef: '-1',
        onderdrukking: '1.5',
        herinnering: '14',
        verloop: '14',
        kanaal: 'post',
      }),
    )
    assert.deepEqual(
      parsed.errors.map((e) => e.field),
      ['tijdstip', 'stil-tot', 'steekproef', 'onderdrukking', 'herinnering', 'kanaal'],
    )
  })

  it('refuses equal quiet hours and an unknown delay', () => {
    assert.deepEqual(
      parseRuleForm(form({ 'stil-van': '08:00', 'stil-tot': '08:00', vertraging: 'ooit' })).errors.map(
        (e) => e.field,
      ),
      ['vertraging', 'stil-tot'],
    )
  })
})
