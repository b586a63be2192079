// The browser editor of `homeport lsp --serve-editor`: Monaco with monaco-editor's own LSP client, talking JSON-RPC
// over the WebSocket /lsp of the same server (one language server per page). A .yang file opened here lives in the
// page only; the server sees it as an open document (file:///NAME).
import * as monaco from 'monaco-editor/editor/editor.api';
import { MonacoLspClient, WebSocketTransport } from '../node_modules/monaco-editor/esm/external/monaco-lsp-client/out/index.js';
import { registerYang } from './yang-language.js';
import { sample } from './sample.js';

self.MonacoEnvironment = {
  getWorker: () => new Worker(new URL('editor.worker.js', import.meta.url), { type: 'module', name: 'editor' }),
};

registerYang(monaco);
const status = document.getElementById('status');
const fileLabel = document.getElementById('file');

function setStatus(text, error = false) {
  status.textContent = text;
  status.classList.toggle('error', error);
}

const editor = monaco.editor.create(document.getElementById('editor'), {
  theme: 'vs-dark',
  automaticLayout: true,
  minimap: { enabled: false },
  wordBasedSuggestions: 'off',
  quickSuggestionsDelay: 50,
  'semanticHighlighting.enabled': true,
  fixedOverflowWidgets: true,
});

/**
 * Shows a file as the model file:///NAME; a file of the same name opened again replaces that model's text. Files
 * opened before stay open (on the server too), so a module opened later can import them. Disposing them instead
 * closed them on the server, whose closing publishDiagnostics (an empty list) then met a disposed model and made
 * the LSP client throw.
 */
function show(name, text) {
  const uri = monaco.Uri.parse(`file:///${encodeURIComponent(name.toLowerCase())}`);
  const existing = monaco.editor.getModel(uri);
  if (existing) {
    existing.setValue(text);
    editor.setModel(existing);
  } else {
    editor.setModel(monaco.editor.createModel(text, 'yang', uri));
  }
  fileLabel.textContent = name;
}

document.getElementById('open').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (file) show(file.name, await file.text());
});

show(sample.name, sample.text);

const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/lsp`;
WebSocketTransport.connectTo({ address: url }).then((transport) => {
  transport.state.onChange((state) => {
    if (state.state === 'closed') setStatus('disconnected: reload the page to reconnect', true);
  });
  new MonacoLspClient(transport);
  setStatus('connected');
}, (error) => setStatus(`cannot connect to ${url}: ${error?.message ?? error}`, true));

window.homeport = { monaco, editor, show };
