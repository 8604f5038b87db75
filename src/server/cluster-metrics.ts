import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/**
 * `/metrics` of a server of several worker processes (ORGRAPH_WORKERS): a scrape reaches one
 * worker, which asks the primary for every worker's metrics added up (prom-client's
 * AggregatorRegistry: counters and histograms summed, the org's gauges taken once). Each
 * worker's own figures alone would be one share of the requests, and alternate between
 * scrapes, which Prometheus reads as counter resets.
 */

const ASK = 'orgraph:metrics?';
const ANSWER = 'orgraph:metrics';
// Longer than prom-client's own wait for the workers (5 s), so its answer (or its error) wins.
const TIMEOUT_MS = 6_000;

interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

/** In the primary: answers each worker's request with the metrics of all of them. */
export function aggregateWorkerMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== ASK) return;
    const reply = (answer: Omit<Answer, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: ANSWER, id: message.id, ...answer });
    };
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: Error) => reply({ error: error.message }),
    );
  });
}

let asked = 0;
const waiting = new Map<number, (answer: Answer) => void>();

/**
 * In a worker: `registries` are what it gives the primary, and the returned function asks
 * the primary for the whole server's metrics text.
 */
export function workerMetrics(registries: Registry[]): () => Promise<string> {
  AggregatorRegistry.setRegistries(registries);
  new AggregatorRegistry(); // answers the primary's requests for this worker's metrics
  process.on('message', (message: Answer) => {
    if (message?.type === ANSWER) waiting.get(message.id)?.(message);
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = ++asked;
      const timer = setTimeout(() => settle({ type: ANSWER, id, error: 'timed out' }), TIMEOUT_MS);
      const settle = (answer: Answer) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (answer.text === undefined) reject(new Error(`metrics of the workers: ${answer.error}`));
        else resolve(answer.text);
      };
      waiting.set(id, settle);
      process.send?.({ type: ASK, id });
    });
}
