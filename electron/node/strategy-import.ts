/**
 * The import dialog's two steps, over the same importers, extractor and strategy files as the
 * CLI's import-strategy: `previewStrategy` reads a document (bytes or pasted text) and proposes
 * its candidates without saving anything; `acceptStrategy` saves the candidates the user kept (with
 * their edited titles) as `strategies/<slug>.json`, keeping the ids of a re-imported strategy.
 */
import { basename, extname } from 'node:path';
import type { IsoDate } from '../core/date-phrase';
import { documentTitle, extractCommitments, type Candidate, type Language } from '../core/extract';
import {
  candidatesToMilestones,
  strategySlug,
  STRATEGY_FORMAT,
  type StrategyFile,
  type StrategyPreview,
} from '../core/strategy';
import { importDocumentBytes, type ImportedDocument } from './importers';
import { readStrategy, saveStrategy, strategyPath } from './strategies';

export interface PreviewInput {
  /** The file's name (its extension says how to read it); pasted text is read as .txt. */
  fileName: string;
  /** The file's bytes in base64, or the pasted text itself. */
  content: string;
  encoding?: 'base64';
  language?: Language;
  name?: string;
}

/** Thrown for a document or a name the user must change; the message says what to do. */
export class StrategyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrategyInputError';
  }
}

const bytesOf = (input: PreviewInput): Uint8Array =>
  input.encoding === 'base64'
    ? new Uint8Array(Buffer.from(input.content, 'base64'))
    : new TextEncoder().encode(input.content);

const slugOf = (name: string): string => {
  const slug = strategySlug(name);
  if (slug === '')
    throw new StrategyInputError(
      `The name ${JSON.stringify(name)} has no letters or digits to make an id from: give the strategy a name.`,
    );
  return slug;
};

export async function previewStrategy(dataDir: string, input: PreviewInput): Promise<StrategyPreview> {
  const doc: ImportedDocument = await importDocumentBytes(input.fileName, bytesOf(input));
  const extraction = extractCommitments(doc.text, input.language ? { language: input.language } : {});
  // The text's own title before the file's metadata, which is often a tool's ("about:blank",
  // "Microsoft Word - draft.docx").
  const name =
    input.name?.trim() || documentTitle(doc.text) || doc.title || basename(doc.name, extname(doc.name));
  const slug = slugOf(name);
  if (extraction.candidates.length === 0) {
    throw new StrategyInputError(
      `No time-bound commitments found in ${doc.name} (read as ${extraction.language === 'nl' ? 'Dutch' : 'English'}). ` +
        'Check the language, or that the file holds the strategy text. Nothing was saved.',
    );
  }
  const saved = readStrategy(strategyPath(dataDir, slug));
  const built = candidatesToMilestones(extraction.candidates, {
    slug,
    defaultActor: name,
    existing: saved?.milestones,
  });
  const language = extraction.language;
  return {
    name,
    slug,
    language,
    detected: input.language === undefined,
    source: { name: doc.name, date: extraction.documentDate ?? doc.date },
    exists: saved !== null,
    candidates: extraction.candidates.map((c, i) => {
      const b = built[i]!;
      return {
        ...c,
        id: b.milestone.id,
        kept: b.kept,
        title: b.kept ? b.milestone.title[language] : c.title,
      };
    }),
  };
}

export interface AcceptInput {
  name: string;
  language: Language;
  source: { name: string; date: IsoDate | null };
  /** The accepted candidates, titles as the user left them. */
  candidates: Candidate[];
}

/** Saves the accepted candidates as a strategy (atomically, under its lock); returns the file. */
export function acceptStrategy(dataDir: string, input: AcceptInput): StrategyFile {
  const name = input.name.trim();
  const slug = slugOf(name);
  if (input.candidates.length === 0)
    throw new StrategyInputError('No candidate is ticked: tick the commitments to keep, then accept.');
  return saveStrategy(dataDir, slug, (current) => {
    const built = candidatesToMilestones(input.candidates, {
      slug,
      defaultActor: name,
      existing: current?.milestones,
    });
    return {
      format: STRATEGY_FORMAT,
      version: 1,
      slug,
      name,
      source: input.source,
      language: input.language,
      // The title the user accepted is the title, in both languages (the document has one).
      milestones: built.map(({ milestone }, i) => {
        const title = input.candidates[i]!.title.trim();
        return { ...milestone, title: { nl: title, en: title } };
      }),
    };
  }).file;
}
