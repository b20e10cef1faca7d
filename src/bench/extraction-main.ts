import { measureColdStart, measureExtraction } from './extraction.js';

// Runs the extraction benchmark alone: `node dist/bench/extraction-main.js [REPEAT]`.
const repeat = Number(process.argv[2] ?? 40);
const r = await measureExtraction({ repeat });
process.stdout.write(
  `extraction: ${r.reports} reports, ${r.reportsPerSecond.toFixed(1)} reports/s on one core (CPU time; ${r.wallReportsPerSecond.toFixed(1)}/s wall), peak RSS ${r.peakRssMb} MB\n`,
);
const cold = measureColdStart({ runs: 5 });
process.stdout.write(
  `cold start: vigil extract FILE ${cold.extractMs.toFixed(0)} ms, node -e "" ${cold.nodeMs.toFixed(0)} ms (medians of ${cold.runs} runs, wall clock)\n`,
);
