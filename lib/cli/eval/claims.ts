/**
 * `npm run eval -- claims FILE [--model PATH]`
 *
 * FILE: JSONL with `text` and `label` (1 = check-worthy) and optionally `doc`, or TSV with a header
 * (the CLEF 2020 layout: tweet_text / check_worthiness). Scores every line with the check-worthiness
 * model (default public/models/claims.json) and reports precision, recall and F1 of the
 * check-worthy class at the model's threshold, average precision of the ranking by score, and,
 * when every line has a `doc`, the mean over documents of average precision (CheckThat! MAP). With
 * documents, each document's lines (in file order, with `speaker` when given) are scored with the
 * model's context re-ranking (lib/nlp/claims/context.ts); `map_sentence` is the MAP of each line
 * scored alone.
 */
import { loadCheckworthyModel, scoreSentence, type CheckworthyModel } from '../../nlp/claims/checkworthy';
import { scoreRows } from '../../nlp/claims/context';
import { parseClaims } from '../../nlp/claims/dataset';
import { averagePrecision, meanAveragePrecision, prf } from '../../nlp/claims/metrics';
import { readJson, readText } from '../files';
import { round, table, type EvalTask } from './task';

const DEFAULT_MODEL = 'public/models/claims.json';

function loadModel(path: string): CheckworthyModel {
  return loadCheckworthyModel(readJson(path, 'model file'));
}

const task: EvalTask = {
  describe: 'check-worthiness: P/R/F1 at the model threshold, AP, MAP over docs (JSONL text,label[,doc] or CLEF TSV) [--model PATH]',
  async run(path, args) {
    let modelPath = DEFAULT_MODEL;
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--model') {
        modelPath = args[++i] ?? '';
        if (!modelPath) throw new Error('--model takes a path');
      } else throw new Error(`unknown option for claims: ${args[i]}`);
    }
    const parsed = parseClaims(readText(path, 'claims file'));
    if (parsed.rows.length === 0)
      throw new Error(`${path}: no usable lines (expected JSONL with "text" and "label" 0/1, or TSV with a header)${parsed.problems.length ? '; ' + parsed.problems.slice(0, 3).join('; ') : ''}`);
    const model = loadModel(modelPath);

    const t0 = performance.now();
    // With documents, each document is read as a transcript (line order, `speaker` if given) and the
    // model's context weights re-rank its lines; the sentence-alone figures are reported beside.
    const scores = scoreRows(model, parsed.rows);
    const ms = performance.now() - t0;
    const alone = parsed.rows.map((r) => scoreSentence(model, r.text));
    const labels = parsed.rows.map((r) => r.label);
    const p = prf(scores, labels, model.threshold);
    const ap = averagePrecision(scores, labels);
    const withDoc = parsed.rows.every((r) => r.doc !== undefined);
    const byDoc = withDoc
      ? meanAveragePrecision(
          scores,
          labels,
          parsed.rows.map((r) => r.doc!),
        )
      : null;
    const byDocAlone =
      withDoc && model.context
        ? meanAveragePrecision(
            alone,
            labels,
            parsed.rows.map((r) => r.doc!),
          )
        : null;
    const positives = labels.filter((l) => l === 1).length;

    console.log(`${path}: ${parsed.rows.length} lines (${positives} check-worthy), ${parsed.format}; model ${modelPath} (threshold ${model.threshold})`);
    if (parsed.malformed) {
      console.log(`skipped ${parsed.malformed} malformed line(s):`);
      for (const pr of parsed.problems) console.log(`  ${pr}`);
    }
    console.log(
      table(
        ['precision', 'recall', 'F1', 'AP', 'MAP', 'TP', 'FP', 'FN', 'ms/sentence'],
        [[round(p.precision), round(p.recall), round(p.f1), Number.isNaN(ap) ? '-' : round(ap), byDoc ? round(byDoc.map) : '-', p.tp, p.fp, p.fn, round(ms / parsed.rows.length, 3)]],
      ),
    );
    if (byDoc) {
      if (byDocAlone) console.log(`MAP with context ${round(byDoc.map)}; each sentence alone ${round(byDocAlone.map)}${parsed.rows.some((r) => r.speaker) ? '' : ' (no speakers in the file)'}`);
      console.log('\nper document:');
      console.log(
        table(
          ['doc', 'lines', 'positives', 'AP', ...(byDocAlone ? ['AP alone'] : [])],
          byDoc.docs.map((d, i) => [
            d.doc,
            d.n,
            d.positives,
            Number.isNaN(d.ap) ? '-' : round(d.ap),
            ...(byDocAlone ? [Number.isNaN(byDocAlone.docs[i]!.ap) ? '-' : round(byDocAlone.docs[i]!.ap)] : []),
          ]),
        ),
      );
    }
    return {
      n: parsed.rows.length,
      positives,
      malformed: parsed.malformed,
      threshold: model.threshold,
      precision: round(p.precision),
      recall: round(p.recall),
      f1: round(p.f1),
      ap: Number.isNaN(ap) ? null : round(ap),
      map: byDoc && !Number.isNaN(byDoc.map) ? round(byDoc.map) : null,
      map_sentence: byDocAlone && !Number.isNaN(byDocAlone.map) ? round(byDocAlone.map) : byDoc && !Number.isNaN(byDoc.map) ? round(byDoc.map) : null,
    };
  },
};

export default task;
