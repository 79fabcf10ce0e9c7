import type { ChatTurn } from '@chatbot/sdk/protocol';

/**
 * Bedrock wants a conversation that starts with the user and alternates roles; protocol v1 only
 * requires the last turn to be the user's. Leading assistant turns are dropped (the model cannot
 * take them as its own first words) and consecutive turns of one role are joined.
 */
export function alternatingTurns(turns: readonly ChatTurn[]): ChatTurn[] {
  const out: ChatTurn[] = [];
  for (const turn of turns) {
    if (out.length === 0 && turn.role !== 'user') continue;
    const last = out[out.length - 1];
    if (last && last.role === turn.role) last.content = `${last.content}\n\n${turn.content}`;
    else out.push({ role: turn.role, content: turn.content });
  }
  return out;
}
