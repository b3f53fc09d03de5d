/**
 * Saving and opening files: the API's saveFile (every export the renderer makes goes through it)
 * and the menu's Export iCal…, Export review… (Markdown, CSV, JSON or PDF), Export data… and
 * Import data…. The content comes from the app service through the typed API (the same calls the
 * renderer makes); this file only adds the native dialogs and the disk.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { dialog, type BrowserWindow, type FileFilter, type MessageBoxOptions } from 'electron';
import type { CompassWire, ExportedFile, SavedFile } from '../contract/api';
import type { IsoDate } from '../core/date-phrase';
import type { Translate } from '../core/shell-locale';
import {
  dataFilters,
  filtersFor,
  icalFilters,
  MAX_IMPORT_BYTES,
  reviewFilters,
  reviewFormatOf,
  reviewPrintUrl,
  reviewReadyScript,
  withExtensionOf,
} from './file-formats';
import { APP_INDEX_URL } from './identity';
import { createSecureWindow } from './window';

export interface FileActionsOptions {
  /** The app service through the typed bridge (electron/contract/bridge.ts). */
  api: CompassWire;
  window(): BrowserWindow | null;
  t(): Translate;
  today(): IsoDate;
  /** Where dialogs open: asked only when one opens (Documents can be missing or redirected). */
  documentsDir(): string;
  preloadDir: string;
  devServerUrl: string | null;
}

export function createFileActions(options: FileActionsOptions) {
  const parent = () => {
    const window = options.window();
    return window && !window.isDestroyed() ? window : null;
  };
  const message = async (box: MessageBoxOptions) => {
    const window = parent();
    return window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box);
  };
  const fail = (title: string, detail: string) =>
    message({ type: 'error', message: title, detail, buttons: [options.t()('dialog.ok')] });

  const { api } = options;

  const askSavePath = async (title: string, fileName: string, filters: FileFilter[]) => {
    const dialogOptions = { title, defaultPath: join(options.documentsDir(), fileName), filters };
    const window = parent();
    const answer = window
      ? await dialog.showSaveDialog(window, dialogOptions)
      : await dialog.showSaveDialog(dialogOptions);
    return answer.canceled || !answer.filePath ? null : answer.filePath;
  };

  /** Asks where to save the file (in Documents, under its suggested name) and writes it there. */
  const saveFile = async (
    file: ExportedFile,
    title = options.t()('dialog.saveTitle', { file: file.fileName }),
    filters = filtersFor(file.fileName, options.t()),
  ): Promise<SavedFile> => {
    const chosen = await askSavePath(title, file.fileName, filters);
    if (!chosen) return { saved: false };
    const path = withExtensionOf(chosen, file.fileName);
    await (file.encoding === 'base64'
      ? writeFile(path, Buffer.from(file.content, 'base64'))
      : writeFile(path, file.content, 'utf8'));
    return { saved: true, fileName: basename(path) };
  };

  /** The review printed to PDF: the renderer's review route in a hidden, equally locked-down window. */
  const reviewPdf = async (asOf: IsoDate): Promise<Buffer> => {
    const printer = createSecureWindow({ show: false }, { preloadDir: options.preloadDir, devTools: false });
    try {
      await printer.loadURL(reviewPrintUrl(options.devServerUrl ?? APP_INDEX_URL, asOf));
      await printer.webContents.executeJavaScript(reviewReadyScript());
      return await printer.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        generateDocumentOutline: true,
      });
    } finally {
      printer.destroy();
    }
  };

  const guarded = (title: () => string, action: () => Promise<void>) => async () => {
    try {
      await action();
    } catch (error) {
      await fail(title(), error instanceof Error ? error.message : String(error));
    }
  };

  const t = () => options.t();

  return {
    saveFile: (file: ExportedFile) => saveFile(file),

    exportIcal: guarded(
      () => t()('dialog.exportFailed'),
      async () => {
        await saveFile(await api.exportIcal({}), t()('dialog.exportIcalTitle'), icalFilters(t()));
      },
    ),

    exportReview: guarded(
      () => t()('dialog.exportFailed'),
      async () => {
        const asOf = options.today();
        const path = await askSavePath(
          t()('dialog.exportReviewTitle'),
          `compass-review-${asOf}.md`,
          reviewFilters(t()),
        );
        if (!path) return;
        const format = reviewFormatOf(path) ?? 'md';
        if (format === 'pdf') {
          await writeFile(path, await reviewPdf(asOf));
          return;
        }
        const file = await api.exportReview({ asOf, format });
        await writeFile(reviewFormatOf(path) ? path : `${path}.md`, file.content, 'utf8');
      },
    ),

    exportData: guarded(
      () => t()('dialog.exportFailed'),
      async () => {
        await saveFile(await api.exportState({}), t()('dialog.exportDataTitle'), dataFilters(t()));
      },
    ),

    importData: guarded(
      () => t()('dialog.importFailed'),
      async () => {
        const dialogOptions = {
          title: t()('dialog.importDataTitle'),
          defaultPath: options.documentsDir(),
          filters: dataFilters(t()),
          properties: ['openFile' as const],
        };
        const window = parent();
        const answer = window
          ? await dialog.showOpenDialog(window, dialogOptions)
          : await dialog.showOpenDialog(dialogOptions);
        const path = answer.canceled ? undefined : answer.filePaths[0];
        if (!path) return;
        if ((await stat(path)).size > MAX_IMPORT_BYTES)
          throw new Error(`${path}: larger than ${MAX_IMPORT_BYTES} bytes.`);
        const content = await readFile(path, 'utf8');
        const confirm = await message({
          type: 'warning',
          message: t()('dialog.importDataTitle'),
          detail: t()('dialog.importConfirm'),
          buttons: [t()('dialog.importButton'), t()('dialog.cancel')],
          defaultId: 1,
          cancelId: 1,
        });
        if (confirm.response !== 0) return;
        await api.importState({ content });
      },
    ),
  };
}

export type FileActions = ReturnType<typeof createFileActions>;
