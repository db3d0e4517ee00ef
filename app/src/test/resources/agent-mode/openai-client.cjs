// Calls the agent-mode server with the official openai npm package and prints one JSON line.
// Argument: a JSON object with baseURL, apiKey, body (the chat completion request), headers,
// maxRetries and abortAfterFirstChunk. Receive times are milliseconds since the epoch with
// sub-millisecond fractions, taken from performance.timeOrigin + performance.now().
const OpenAI = require('openai');

const now = () => performance.timeOrigin + performance.now();

async function main() {
  const spec = JSON.parse(process.argv[2]);
  const client = new OpenAI({
    baseURL: spec.baseURL,
    apiKey: spec.apiKey,
    maxRetries: spec.maxRetries ?? 0,
    timeout: 120000,
  });
  const start = now();
  try {
    if (!spec.body.stream) {
      const completion = await client.chat.completions.create(spec.body, { headers: spec.headers });
      return { ok: true, start, end: now(), completion };
    }
    const stream = await client.chat.completions.create(spec.body, { headers: spec.headers });
    const chunks = [];
    for await (const chunk of stream) {
      chunks.push({ t: now(), chunk });
      if (spec.abortAfterFirstChunk) {
        stream.controller.abort();
        break;
      }
    }
    return { ok: true, start, end: now(), chunks };
  } catch (error) {
    if (error instanceof OpenAI.APIError) {
      return {
        ok: false,
        start,
        status: error.status ?? null,
        message: error.message,
        error: error.error ?? null,
        retryAfter: error.headers ? error.headers.get('retry-after') : null,
      };
    }
    throw error;
  }
}

main().then(
  (result) => process.stdout.write(JSON.stringify(result) + '\n'),
  (error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
    process.exit(2);
  },
);
