import { basename, extname } from 'node:path';
import { documentTitle, extractCommitments, LANGUAGES, type Language } from '../../../core/extract';
import { candidatesToMilestones, strategySlug, STRATEGY_FORMAT } from '../../../core/strategy';
import { importDocument, ImportError } from '../../importers';
import { readStrategy, saveStrategy, StrategyFileError, strategyPath } from '../../strategies';
import { CliError, requireDate, type Command } from '../context';
import { formatTable } from '../table';

const when = (m: {
  due: string | null;
  start: string | null;
  recurrence: { everyYears: number; first: string } | null;
}) =>
  m.due ?? m.start ?? (m.recurrence ? `every ${m.recurrence.everyYears}y from ${m.recurrence.first}` : '—');

export const importStrategy: Command = {
  summary:
    'reads a strategy document (.txt, .md, .pdf, .docx), proposes its time-bound commitments and saves them as a strategy (--dry-run: only prints them)',
  usage: 'import-strategy FILE [--lang nl|en] [--name NAME] [--date YYYY-MM-DD] [--dry-run] [--json]',
  options: {
    lang: { type: 'string' },
    name: { type: 'string' },
    date: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  positionals: [1, 1],
  async run(ctx, values, [file]) {
    const lang = values.lang;
    if (lang !== undefined && !LANGUAGES.includes(lang as Language)) {
      throw new CliError(`--lang expects nl or en, got ${JSON.stringify(lang)}.`, 2);
    }
    const date = values.date === undefined ? undefined : requireDate(values.date, '--date');
    if (values.name !== undefined && (typeof values.name !== 'string' || values.name.trim() === '')) {
      throw new CliError(
        '--name expects a name for the strategy, e.g. --name "Defence White Paper 2024".',
        2,
      );
    }
    let doc;
    try {
      doc = await importDocument(file!);
    } catch (error) {
      if (error instanceof ImportError) throw new CliError(`${error.message} Nothing was saved.`);
      throw error;
    }
    const extraction = extractCommitments(doc.text, {
      ...(lang ? { language: lang as Language } : {}),
      ...(date ? { documentDate: date } : {}),
    });
    const name =
      typeof values.name === 'string'
        ? values.name.trim()
        : (doc.title ?? documentTitle(doc.text) ?? basename(doc.name, extname(doc.name)));
    const slug = strategySlug(name);
    if (slug === '')
      throw new CliError(`--name ${JSON.stringify(name)} has no letters or digits to make an id from.`, 2);
    const documentDate = extraction.documentDate ?? date ?? doc.date;
    const header = {
      format: STRATEGY_FORMAT,
      version: 1 as const,
      slug,
      name,
      source: { name: doc.name, date: documentDate },
      language: extraction.language,
    };
    const path = strategyPath(ctx.dataDir(), slug);
    const build = (existing: Parameters<typeof candidatesToMilestones>[1]['existing']) =>
      candidatesToMilestones(extraction.candidates, { slug, defaultActor: name, existing });

    if (extraction.candidates.length === 0) {
      throw new CliError(
        `No time-bound commitments found in ${doc.name} (read as ${extraction.language === 'nl' ? 'Dutch' : 'English'}). ` +
          'Check the language (--lang) or that the file holds the strategy text. Nothing was saved.',
      );
    }
    let built;
    let saved = false;
    if (values['dry-run']) {
      try {
        built = build(readStrategy(path)?.milestones);
      } catch (error) {
        if (error instanceof StrategyFileError) throw new CliError(error.message);
        throw error;
      }
    } else {
      try {
        saveStrategy(ctx.dataDir(), slug, (current) => {
          built = build(current?.milestones);
          return { ...header, milestones: built.map((b) => b.milestone) };
        });
        saved = true;
      } catch (error) {
        if (error instanceof StrategyFileError) throw new CliError(`${error.message} Nothing was saved.`);
        throw error;
      }
    }
    built = built!;
    const kept = built.filter((b) => b.kept).length;
    if (values.json) {
      ctx.out(
        JSON.stringify(
          {
            strategy: header,
            path,
            saved,
            candidates: built.map((b) => ({
              ...b.milestone,
              kept: b.kept,
              ...(b.page ? { page: b.page } : {}),
            })),
          },
          null,
          2,
        ),
      );
      return;
    }
    ctx.out(
      formatTable(
        ['id', 'kind', 'date', 'where', 'phrase', 'title'],
        built.map(({ milestone: m, page }) => [
          m.id,
          m.kind,
          when(m),
          page ? `p${page}:${m.line}` : String(m.line),
          m.datePhrase ?? '',
          m.title.en,
        ]),
      ),
    );
    ctx.out(
      `\n${built.length} candidates in ${doc.name} (${extraction.language}, dated ${documentDate ?? 'unknown'}); ` +
        `${kept} keep the id of the saved strategy.\n` +
        (saved ? `Saved strategy "${name}" to ${path}.` : 'Dry run: nothing was saved.'),
    );
  },
};
