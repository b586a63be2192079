// YANG for Monaco before the server answers: comments, brackets and a Monarch tokenizer (keywords of RFC 7950,
// strings, comments, prefixed names). Everything else comes from the language server.
const keywords = ('action anydata anyxml argument augment base belongs-to bit case choice config contact container '
  + 'default description deviate deviation enum error-app-tag error-message extension feature fraction-digits '
  + 'grouping identity if-feature import include input key leaf leaf-list length list mandatory max-elements '
  + 'min-elements modifier module must namespace notification ordered-by organization output path pattern position '
  + 'prefix presence range reference refine require-instance revision revision-date rpc status submodule type '
  + 'typedef unique units uses value when yang-version yin-element').split(' ');

export function registerYang(monaco) {
  monaco.languages.register({ id: 'yang', extensions: ['.yang'], aliases: ['YANG', 'yang'] });
  monaco.languages.setLanguageConfiguration('yang', {
    comments: { lineComment: '//', blockComment: ['/*', '*/'] },
    brackets: [['{', '}']],
    autoClosingPairs: [{ open: '{', close: '}' }, { open: '"', close: '"', notIn: ['string'] }, { open: "'", close: "'", notIn: ['string'] }],
    surroundingPairs: [{ open: '{', close: '}' }, { open: '"', close: '"' }],
    indentationRules: { increaseIndentPattern: /\{[^}"']*$/, decreaseIndentPattern: /^\s*\}/ },
    wordPattern: /[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?/,
  });
  monaco.languages.setMonarchTokensProvider('yang', {
    keywords,
    tokenizer: {
      root: [
        [/\/\/.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/"/, 'string', '@dstring'],
        [/'[^']*'/, 'string'],
        [/[A-Za-z_][\w.-]*:[A-Za-z_][\w.-]*/, 'type.identifier'],
        [/[A-Za-z_][\w.-]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
        [/\d+(\.\d+)?/, 'number'],
        [/[{}]/, '@brackets'],
        [/[;+]/, 'delimiter'],
      ],
      comment: [[/[^*]+/, 'comment'], [/\*\//, 'comment', '@pop'], [/\*/, 'comment']],
      dstring: [[/[^"\\]+/, 'string'], [/\\./, 'string.escape'], [/"/, 'string', '@pop']],
    },
  });
}
