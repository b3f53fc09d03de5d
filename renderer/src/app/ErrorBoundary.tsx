import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead, given the error's message. */
  fallback(message: string): ReactNode;
  children: ReactNode;
}

/**
 * Keeps a failing view (e.g. a chunk that did not load) from taking the whole window down with it.
 * React offers error boundaries only as class components.
 */
export class ErrorBoundary extends Component<Props, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    return this.state.message === null ? this.props.children : this.props.fallback(this.state.message);
  }
}
