import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { Gantt, Willow, type ITask, type IScaleConfig } from '@svar-ui/react-gantt';
import '@svar-ui/react-gantt/all.css';
import { loadRows, localDate, RANGE_END, RANGE_START, type Row } from './convert';

/** The two zoom levels measured, as in our timeline: years, then quarters. */
const LEVELS: { scales: IScaleConfig[]; cellWidth: number }[] = [
  { scales: [{ unit: 'year', step: 1, format: 'yyyy' }], cellWidth: 220 },
  {
    scales: [
      { unit: 'year', step: 1, format: 'yyyy' },
      { unit: 'quarter', step: 1, format: 'QQQ' },
    ],
    cellWidth: 180,
  },
];

const columns = [
  { id: 'text', header: 'Title', flexgrow: 1 },
  { id: 'end', header: 'Due', width: 100, align: 'center' as const },
];

function App({ rows }: { rows: Row[] }) {
  const [tasks] = useState<ITask[]>(() =>
    rows.map((r, index) => ({
      id: index + 1,
      text: r.name,
      start: localDate(r.start),
      end: r.milestone ? localDate(r.start) : localDate(r.end),
      type: r.milestone ? 'milestone' : 'task',
      progress: 0,
    })),
  );
  const [level, setLevel] = useState(0);
  window.__benchZoom = () => flushSync(() => setLevel(1));
  const { scales, cellWidth } = LEVELS[level] as (typeof LEVELS)[number];
  return (
    <Willow fonts={false}>
      <div style={{ height: '100vh' }}>
        <Gantt
          tasks={tasks}
          scales={scales}
          cellWidth={cellWidth}
          columns={columns}
          start={localDate(RANGE_START)}
          end={localDate(RANGE_END)}
          readonly
        />
      </div>
    </Willow>
  );
}

async function main(): Promise<void> {
  const rows = await loadRows();
  performance.mark('gantt-render-start');
  createRoot(document.getElementById('root') as HTMLElement).render(<App rows={rows} />);
}

main().catch((error: unknown) => {
  window.__benchError = String(error);
});
