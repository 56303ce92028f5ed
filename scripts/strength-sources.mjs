// strength-sources.mjs — the npm packages whose data the build compiles into the core, and what it
// takes from each. One list for two readers: gen-strength-data.mjs (what to take) and
// gen-notices.mjs (whose license notices ship in dist/THIRD-PARTY-NOTICES.txt and on the page).

// How many of each source list (rank order) the data keeps: the page's size budget decides.
export const TAKE = { passwords: 6300, english: 3600, names: 600, ngramNames: 20000, ngramPasswords: 20000, digestDefaults: 160, digestPasswords: 250, digestEnglish: 60, foreignWords: 200 };

// The languages beyond English: each package's common words (the TAKE.foreignWords most common of 4
// letters or more, accents folded, as common words) and all its word lists (to train the trigram model).
export const LANGUAGES = [
  ['de', 'German'], ['es-es', 'Spanish'], ['fr', 'French'], ['it', 'Italian'], ['nl-be', 'Dutch'], ['pl', 'Polish'],
  ['pt-br', 'Portuguese'], ['id', 'Indonesian'], ['cs', 'Czech'], ['fi', 'Finnish'],
];

// key: how gen-strength-data.mjs refers to the package; uses: what of it ends up in the core.
export const STRENGTH_PACKAGES = [
  {
    key: 'common',
    name: '@zxcvbn-ts/language-common',
    uses: [
      `dictionary['passwords-common']: the ${TAKE.passwords.toLocaleString('en-US')} most common passwords, less the all-digit ones`,
      "dictionary['diceware-common']: the 7,776 diceware words (the EFF large wordlist, https://www.eff.org/dice)",
      `dictionary['passwords-common']: the MD5, SHA-1 and SHA-256 (first 36 bits) of the ${TAKE.digestPasswords} most common passwords`,
      `dictionary['passwords-common']: the letters of the ${TAKE.ngramPasswords.toLocaleString('en-US')} most common passwords, to train the letter trigram model`,
      'adjacencyGraphs.qwerty and adjacencyGraphs.keypad: the keyboard adjacency graphs',
    ],
  },
  {
    key: 'en',
    name: '@zxcvbn-ts/language-en',
    uses: [
      `dictionary['commonWords-en']: the ${TAKE.english.toLocaleString('en-US')} most common English words`,
      `dictionary['lastnames-en']: the ${TAKE.names.toLocaleString('en-US')} most common last names`,
      `dictionary['commonWords-en']: the MD5, SHA-1 and SHA-256 (first 36 bits) of the ${TAKE.digestEnglish} most common English words`,
      `dictionary['commonWords-en'], ['wikipedia-en'], ['firstnames-en'] and the ${TAKE.ngramNames.toLocaleString('en-US')} most common last names: word types the letter trigram model is trained on (only the model is kept)`,
    ],
  },
  ...LANGUAGES.map(([key, language]) => ({
    key,
    name: `@zxcvbn-ts/language-${key}`,
    uses: [
      `the common words list: the ${TAKE.foreignWords.toLocaleString('en-US')} most common ${language} words of 4 letters or more, accents removed`,
      `the common words, Wikipedia words and first and last names lists: word types the letter trigram model is trained on (only the model is kept)`,
    ],
  })),
];
