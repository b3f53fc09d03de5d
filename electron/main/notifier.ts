/**
 * The reminder engine's Notifier port, implemented with Electron's Notification: what to say comes
 * from electron/core/notification-content; this only shows it and routes clicks and buttons.
 */
import { Notification } from 'electron';
import type { NotificationAction, NotificationContent } from '../core/notification-content';

export interface NotificationHandlers {
  /** A click: open the app on this milestone (null: on its overview). */
  open(milestoneId: string | null): void;
  /** A button (macOS, Windows). */
  act(action: NotificationAction, content: NotificationContent): void;
  /**
   * The OS refused the notification (macOS refuses an unsigned bundle's; Windows one without its
   * shortcut), or notifications are not supported here: show it some other way (an in-app toast).
   */
  failed(content: NotificationContent, reason: string): void;
  icon?: string;
}

/** How many shown notifications stay referenced: clicks from Windows' Action Center and macOS'
 * Notification Center still arrive after the banner closed, but only while the object lives. */
const KEEP = 50;

export interface NotificationPresenter {
  show(contents: readonly NotificationContent[]): void;
}

export function createNotificationPresenter(handlers: NotificationHandlers): NotificationPresenter {
  const live: Notification[] = [];
  return {
    show(contents: readonly NotificationContent[]): void {
      if (!Notification.isSupported()) {
        for (const content of contents) handlers.failed(content, 'notifications are not supported here');
        return;
      }
      for (const content of contents) {
        const notification = new Notification({
          title: content.title,
          body: content.body,
          actions: content.actions.map((action) => ({ type: 'button' as const, text: action.text })),
          ...(handlers.icon ? { icon: handlers.icon } : {}),
        });
        live.push(notification);
        if (live.length > KEEP) live.shift();
        notification.on('click', () => handlers.open(content.milestoneId));
        notification.on('action', (details) => {
          const action = content.actions[details.actionIndex]?.action;
          if (action) handlers.act(action, content);
        });
        notification.on('failed', (_event, error) => handlers.failed(content, String(error)));
        notification.show();
      }
    },
  };
}
