declare module 'frappe-gantt' {
  export interface FrappeTask {
    id: string;
    name: string;
    start: string;
    end: string;
    progress?: number;
    custom_class?: string;
  }
  export default class Gantt {
    constructor(wrapper: string | HTMLElement, tasks: FrappeTask[], options?: Record<string, unknown>);
    change_view_mode(mode?: string, maintainPos?: boolean): void;
  }
}
declare module '*.css';
