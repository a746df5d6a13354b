// Calls the chosen LLM provider straight from the browser and returns the answer's text.
//   Anthropic: POST {baseUrl}/v1/messages        (Messages API)
//   OpenAI:    POST {baseUrl}/chat/completions   (baseUrl ends in /v1; any compatible server)
//   Ollama:    POST {baseUrl}/api/chat           (no key)

import {SYSTEM_PROMPT} from './prompt.js';
import {providerSettings} from './settings.js';

const MAX_TOKENS = 2000;

/** Reasoning models take `max_completion_tokens` and no system message. */
function isReasoningModel(model) {
  return /^(o\d|gpt-5)/i.test(model);
}

const CALLS = {
  anthropic: ({key, model, baseUrl}, prompt) => ({
    url: baseUrl + '/v1/messages',
    headers: {
      'x-api-key': key,
      'anthropic-version': '2023-06-01',
      'anthropic-dangerous-direct-browser-access': 'true',
    },
    body: {
      model,
      max_tokens: MAX_TOKENS,
      system: SYSTEM_PROMPT,
      messages: [{role: 'user', content: prompt}],
    },
    // {content: [{type: 'text', text}]}
    answer: (json) => (json.content || [])
      .filter((part) => part.type === 'text').map((part) => part.text).join('\n'),
  }),
  openai: ({key, model, baseUrl}, prompt) => {
    const reasoning = isReasoningModel(model);
    const body = {
      model,
      messages: reasoning ?
        [{role: 'user', content: SYSTEM_PROMPT + '\n\n' + prompt}] :
        [{role: 'system', content: SYSTEM_PROMPT}, {role: 'user', content: prompt}],
    };
    if (reasoning) body.max_completion_tokens = MAX_TOKENS * 4;
    else body.max_tokens = MAX_TOKENS;
    return {
      url: baseUrl + '/chat/completions',
      headers: {Authorization: 'Bearer ' + key},
      body,
      // {choices: [{message: {content}}]}
      answer: (json) => json.choices && json.choices[0] && json.choices[0].message ?
        json.choices[0].message.content || '' : '',
    };
  },
  ollama: ({model, baseUrl}, prompt) => ({
    url: baseUrl + '/api/chat',
    headers: {},
    body: {
      model,
      stream: false,
      messages: [{role: 'system', content: SYSTEM_PROMPT}, {role: 'user', content: prompt}],
    },
    // {message: {role, content}}
    answer: (json) => (json.message && json.message.content) || '',
  }),
};

export async function ask(settings, prompt) {
  const call = CALLS[settings.provider](providerSettings(settings), prompt);
  let response;
  try {
    response = await fetch(call.url, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', ...call.headers},
      body: JSON.stringify(call.body),
    });
  } catch (e) {
    throw new Error(`could not reach ${call.url} (${e.message}); check the base URL, and ` +
      'for Ollama that it allows this page as an origin (OLLAMA_ORIGINS)');
  }
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const why = json && json.error ? (json.error.message || json.error) : text.slice(0, 300);
    throw new Error(`${call.url} answered ${response.status}: ${why}`);
  }
  if (!json) throw new Error(`${call.url} answered something that is not JSON`);
  const answer = call.answer(json);
  if (!answer) throw new Error('the provider answered without any text');
  return answer;
}
