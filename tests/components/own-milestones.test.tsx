import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, openFilters } from './render-app';

describe("the user's own milestones", () => {
  it('says what is missing, then adds one that shows like the others, marked as the user’s own', async () => {
    const { api, user } = await renderApp();
    await user.click(screen.getByRole('button', { name: /Own milestone/ }));
    const dialog = screen.getByRole('dialog', { name: 'Add your own milestone' });
    expect(within(dialog).getByRole('textbox', { name: 'Title (Dutch)' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('textbox', { name: 'Title (Dutch)' })).toHaveAccessibleDescription(
      'Fill in this field.',
    );
    expect(within(dialog).getByLabelText('Due date')).toHaveAccessibleDescription('Choose a date.');
    expect(within(dialog).getByRole('textbox', { name: 'Title (Dutch)' })).toHaveFocus();
    expect(api.callsTo('saveOwnMilestone')).toEqual([]);

    await user.type(
      within(dialog).getByRole('textbox', { name: 'Title (Dutch)' }),
      'Nationaal plan vastgesteld',
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Title (English)' }),
      'National plan adopted',
    );
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Chapter' }), 'invest');
    await user.type(within(dialog).getByRole('combobox', { name: 'Section' }), 'Nationaal');
    await user.type(within(dialog).getByLabelText('Due date'), '2024-09-30');
    await user.type(within(dialog).getByRole('combobox', { name: 'Actor' }), 'Ministerie');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const [saved] = api.callsTo('saveOwnMilestone');
    expect(saved).toMatchObject({
      own: true,
      chapter: 'invest',
      section: 'Nationaal',
      title: { nl: 'Nationaal plan vastgesteld', en: 'National plan adopted' },
      kind: 'deadline',
      due: '2024-09-30',
      start: null,
      actor: 'Ministerie',
    });
    expect(saved!.id).toMatch(/^own-national-plan-adopted-[a-z0-9]+$/);
    expect(screen.queryByRole('dialog', { name: 'Add your own milestone' })).toBeNull();
    // It opens in the detail panel, marked as the user's own.
    const panel = await screen.findByRole('dialog', { name: 'National plan adopted' });
    expect(within(panel).getByText('Your own milestone')).toBeInTheDocument();
    await openFilters(user);
    await user.click(screen.getByRole('checkbox', { name: 'Only my own' }));
    const row = document.querySelector(`[data-milestone-id="${saved!.id}"]`)!;
    expect(row).toHaveAccessibleName(/^National plan adopted, due 30 September 2024, .*your own milestone$/);
  });

  it('edits one, and deletes it only after confirmation', async () => {
    const own = {
      id: 'own-plan',
      own: true as const,
      chapter: 'act' as const,
      section: 'Nationaal',
      title: { nl: 'Plan', en: 'Plan' },
      datePhrase: null,
      kind: 'start' as const,
      start: '2024-01-01',
      due: null,
      window: null,
      recurrence: null,
      actor: 'Ministerie',
    };
    const { api, user } = await renderApp({ state: { ownMilestones: [own] } });
    await openFilters(user);
    await user.click(screen.getByRole('checkbox', { name: 'Only my own' }));
    await user.click(document.querySelector('[data-milestone-id="own-plan"]')!);
    const panel = await screen.findByRole('dialog', { name: 'Plan' });
    await user.click(within(panel).getByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit your own milestone' });
    expect(within(dialog).getByLabelText('Start date')).toHaveValue('2024-01-01');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Title (English)' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Title (English)' }), 'National plan');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(api.callsTo('saveOwnMilestone')).toEqual([{ ...own, title: { nl: 'Plan', en: 'National plan' } }]);

    const detail = await screen.findByRole('dialog', { name: 'National plan' });
    await user.click(within(detail).getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog');
    expect(confirm).toHaveAccessibleName(
      'Are you sure you want to delete ‘National plan’? This cannot be undone.',
    );
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(api.callsTo('deleteOwnMilestone')).toEqual([]);
    await user.click(within(detail).getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Yes, delete' }));
    expect(api.callsTo('deleteOwnMilestone')).toEqual([{ id: 'own-plan' }]);
    expect(document.querySelector('[data-milestone-id="own-plan"]')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps focus inside the dialog and closes it with Esc', async () => {
    const { user } = await renderApp();
    const opener = screen.getByRole('button', { name: /Own milestone/ });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Add your own milestone' });
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('textbox', { name: 'Title (Dutch)' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });
});
