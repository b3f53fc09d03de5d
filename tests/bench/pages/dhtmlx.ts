import { gantt } from 'dhtmlx-gantt';
import 'dhtmlx-gantt/codebase/dhtmlxgantt.css';
import { loadRows, localDate, RANGE_END, RANGE_START } from './convert';

/**
 * DHTMLX Gantt (community edition) drawing the same rows as our timeline: grouped summary rows
 * (chapter, then section) as projects, deadlines and start commitments as tasks, recurring and
 * undated ones as milestones; smart rendering on (only rows and cells in view are drawn).
 */
async function main(): Promise<void> {
  const rows = await loadRows();
  const data: {
    id: string;
    text: string;
    start_date?: Date;
    end_date?: Date;
    type: string;
    parent?: string;
    open?: boolean;
  }[] = [];
  const groups = new Set<string>();
  for (const r of rows) {
    const chapter = `chapter:${r.chapter}`;
    const section = `section:${r.chapter}:${r.section}`;
    if (!groups.has(chapter)) {
      groups.add(chapter);
      data.push({ id: chapter, text: r.chapter, type: 'project', open: true });
    }
    if (!groups.has(section)) {
      groups.add(section);
      data.push({ id: section, text: r.section, type: 'project', parent: chapter, open: true });
    }
    data.push({
      id: r.id,
      text: r.name,
      start_date: localDate(r.start),
      end_date: localDate(r.milestone ? r.start : r.end),
      type: r.milestone ? 'milestone' : 'task',
      parent: section,
    });
  }
  gantt.config.readonly = true;
  gantt.config.smart_rendering = true;
  gantt.config.start_date = localDate(RANGE_START);
  gantt.config.end_date = localDate(RANGE_END);
  gantt.config.scales = [{ unit: 'year', step: 1, format: '%Y' }];
  gantt.config.min_column_width = 220;
  gantt.config.columns = [
    { name: 'text', label: 'Title', tree: true, width: 280 },
    { name: 'end_date', label: 'Due', align: 'center', width: 100 },
  ];
  performance.mark('gantt-render-start');
  gantt.init('gantt');
  gantt.parse({ data, links: [] });
  window.__benchZoom = () => {
    gantt.config.scales = [
      { unit: 'year', step: 1, format: '%Y' },
      { unit: 'quarter', step: 1, format: (d: Date) => `Q${Math.floor(d.getMonth() / 3) + 1}` },
    ];
    gantt.config.min_column_width = 180;
    gantt.render();
  };
}

main().catch((error: unknown) => {
  window.__benchError = String(error);
});
