import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  checkCharacter,
  FORM_CODE_ALPHABET,
  formatFormCode,
  newFormCode,
  parseFormCode,
} from './form-code.ts'

describe('form codes of paper questionnaires', () => {
  it('follows Luhn mod N: the check character of the published example alphabet position', () => {
    // Worked by hand: payload "1" → factor 2 → addend 2 → sum 2 → check (32 - 2) % 32 = 30 → "Y".
    assert.equal(checkCharacter('1'), 'Y')
    assert.equal(checkCharacter('0000000'), '0')
    assert.equal(parseFormCode('1Y'.padStart(8, '0')), '0000001Y')
  })

  it('makes codes that read back, also typed in lower case, with spaces, dashes, O, I and L', () => {
    const code = newFormCode(() => 0)
    assert.equal(code, '00000000')
    assert.equal(parseFormCode('oooo-oooo'), '00000000')
    const printed = formatFormCode(newFormCode())
    assert.match(printed, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    assert.equal(formatFormCode(parseFormCode(` ${printed.toLowerCase()} `) ?? ''), printed)
    const ones = `1111111${checkCharacter('1111111')}`
    assert.equal(parseFormCode(`IiLl-lII${checkCharacter('1111111')}`), ones)
  })

  it('refuses codes of the wrong length or with other characters', () => {
    for (const bad of ['', 'ABC', 'ABCD-EFGHJ', 'ABCD-EFG!', 'ABCD-EFGU'])
      assert.equal(parseFormCode(bad), null)
  })

  it('catches every single mistyped character (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 31 }),
        (digits, position, shift) => {
          let i = 0
          const code = newFormCode(() => digits[i++] as number)
          assert.equal(parseFormCode(code), code)
          const wrong =
            FORM_CODE_ALPHABET[(FORM_CODE_ALPHABET.indexOf(code[position] as string) + shift) % 32]
          const typo = code.slice(0, position) + wrong + code.slice(position + 1)
          assert.equal(parseFormCode(typo), null)
        },
      ),
    )
  })
})
