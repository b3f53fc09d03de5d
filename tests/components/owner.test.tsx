import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openFilters, renderApp, rowOf } from './render-app';

const KEY = 'act-rapid-deployment-capacity';

describe('the owner of a milestone (English)', () => {
  it('saves an owner only on Save, says so, filters the timeline to mine, and clears it', async () => {
    const { api, user } = await renderApp();
    await user.click(rowOf(KEY)!);
    const panel = await screen.findByRole('dialog');
    const block = within(panel).getByTestId('owner-block');
    expect(within(block).getByRole('heading', { name: 'Owner' })).toBeInTheDocument();
    expect(within(block).getByText('No owner yet.')).toBeInTheDocument();
    expect(within(block).getByRole('button', { name: 'Clear owner' })).toBeDisabled();
    await user.type(within(block).getByRole('textbox', { name: 'Person' }), 'Test User');
    await user.type(within(block).getByRole('textbox', { name: 'Unit' }), 'Capability Unit');
    expect(api.callsTo('setOwner')).toEqual([]);
    await user.click(within(block).getByRole('button', { name: 'Save owner' }));
    expect(api.callsTo('setOwner')).toEqual([{ key: KEY, person: 'Test User', unit: 'Capability Unit' }]);
    expect(await within(block).findByText('Owner saved.')).toBeInTheDocument();
    expect(within(block).getByTestId('owner-current')).toHaveTextContent(
      /^Test User \(Capability Unit\) — assigned by Test User, /,
    );
    await user.click(within(panel).getByRole('button', { name: 'Close details' }));

    await openFilters(user);
    const filter = screen.getByRole('combobox', { name: 'Owner' });
    expect([...filter.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'All milestones',
      'Mine',
      'My unit',
    ]);
    await user.selectOptions(filter, 'mine');
    expect(
      [...document.querySelectorAll('[data-milestone-id]')].map((r) => r.getAttribute('data-milestone-id')),
    ).toEqual([KEY]);
    // My unit is not set: the filter "My unit" keeps nothing.
    await user.selectOptions(filter, 'unit');
    expect(document.querySelectorAll('[data-milestone-id]')).toHaveLength(0);
    await user.selectOptions(filter, 'all');

    await user.click(rowOf(KEY)!);
    const again = within(await screen.findByRole('dialog')).getByTestId('owner-block');
    await user.click(within(again).getByRole('button', { name: 'Clear owner' }));
    expect(await within(again).findByText('Owner cleared.')).toBeInTheDocument();
    expect(within(again).getByText('No owner yet.')).toBeInTheDocument();
    expect(api.callsTo('setOwner').at(-1)).toEqual({ key: KEY, person: '', unit: '' });
  });
});
