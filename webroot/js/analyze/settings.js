// The LLM provider settings, kept in this browser's localStorage only: the collector never
// sees them. Shape under the key `backtrack.llm`:
//   {provider: 'anthropic' | 'openai' | 'ollama',
//    anthropic: {key, model, baseUrl}, openai: {key, model, baseUrl}, ollama: {model, baseUrl}}

const STORAGE_KEY = 'backtrack.llm';

export const PROVIDERS = {
  anthropic: {
    label: 'Anthropic',
    needsKey: true,
    model: 'claude-sonnet-4-5',
    baseUrl: 'https://api.anthropic.com',
  },
  openai: {
    label: 'OpenAI',
    needsKey: true,
    model: 'gpt-4.1-mini',
    baseUrl: 'https://api.openai.com/v1',
  },
  ollama: {
    label: 'Ollama (local)',
    needsKey: false,
    model: 'llama3.1',
    baseUrl: 'http://localhost:11434',
  },
};

export function loadSettings() {
  let saved = {};
  try {
    saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || '{}') || {};
  } catch (e) {
    saved = {};
  }
  const provider = PROVIDERS[saved.provider] ? saved.provider : 'anthropic';
  return {...saved, provider};
}

/** The settings of one provider with defaults filled in: {key, model, baseUrl}. */
export function providerSettings(settings, provider = settings.provider) {
  const defaults = PROVIDERS[provider];
  const own = settings[provider] || {};
  return {
    key: own.key || '',
    model: own.model || defaults.model,
    baseUrl: (own.baseUrl || defaults.baseUrl).replace(/\/+$/, ''),
  };
}

export function saveSettings(settings) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
}

/** Whether "analyze" can call the chosen provider (a key is there when one is needed). */
export function isReady(settings) {
  return !PROVIDERS[settings.provider].needsKey || Boolean(providerSettings(settings).key);
}
