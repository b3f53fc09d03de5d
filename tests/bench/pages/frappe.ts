import Gantt from 'frappe-gantt';
import 'frappe-gantt/style.css';
import { loadRows } from './convert';

async function main(): Promise<void> {
  const rows = await loadRows();
  const tasks = rows.map((r) => ({
    id: r.id,
    name: r.name,
    start: r.start,
    end: r.milestone ? r.start : r.end,
    progress: 0,
    custom_class: r.milestone ? 'bench-milestone' : '',
  }));
  const element = document.getElementById('gantt') as HTMLElement;
  performance.mark('gantt-render-start');
  const gantt = new Gantt(element, tasks, {
    view_mode: 'Year',
    readonly: true,
    container_height: window.innerHeight,
    infinite_padding: false,
    today_button: false,
    scroll_to: 'start',
    popup_on: 'click',
    holidays: {},
  });
  window.__benchZoom = () => gantt.change_view_mode('Month');
}

main().catch((error: unknown) => {
  window.__benchError = String(error);
});
