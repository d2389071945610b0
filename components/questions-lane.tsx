import { memo, useEffect, useState, type KeyboardEvent } from 'react';
import type { ChotDatabase } from '../utils/store/db';
import type { CommandReply, PanelCommand } from '../utils/messaging/commands';
import { countWaitingQuestions, groupQuestions, readWaitingQuestions, type QuestionGroup } from '../utils/store/questions';
import { useStreamsQuery } from './use-streams-query';
import { useI18n } from './i18n';
import { groupHeadline } from './question-text';
import { FailureNotice, useDescribeFailure } from './failure-notice';
import type { FailureText } from '../utils/i18n/failure-text';

export interface QuestionsLaneProps {
  /** The lane's read (useWaitingQuestions), shared with the count in the tally. */
  lane: WaitingQuestions | undefined;
  broadcastId: string;
  run: (command: PanelCommand) => Promise<CommandReply>;
}

/** The lane reads this many of the newest waiting questions; the count says how many wait in all. */
export const LANE_QUESTIONS = 300;

export interface WaitingQuestions {
  groups: QuestionGroup[];
  total: number;
}

/**
 * The newest waiting questions and how many wait in all, in one read: the tally's count and the lane show
 * the same answer, and a question asked wakes one read, not two.
 */
export function useWaitingQuestions(db: ChotDatabase, streamIds: readonly string[]): WaitingQuestions | undefined {
  return useStreamsQuery(db, [db.questions], streamIds, async (ids) => {
    const [questions, total] = await Promise.all([readWaitingQuestions(db, ids, LANE_QUESTIONS), countWaitingQuestions(db, ids)]);
    return { groups: groupQuestions(questions), total };
  });
}

/**
 * The stream's open questions for the host, newest first, the same question from many buyers as one line.
 * Each is marked answered or shown on air with a button or a key; the background does the writing.
 */
export const QuestionsLane = memo(function QuestionsLane({ lane, broadcastId, run }: QuestionsLaneProps) {
  const { t, formatNumber } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  // questions answered here, not yet seen answered in the database: quick key presses each act on the next group
  const [answering, setAnswering] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<FailureText | null>(null);
  const describe = useDescribeFailure();
  useEffect(() => {
    if (!lane || answering.size === 0) return;
    const waiting = new Set(lane.groups.flatMap((group) => group.questions.map((question) => question.id)));
    if ([...answering].some((id) => !waiting.has(id))) setAnswering((ids) => new Set([...ids].filter((id) => waiting.has(id))));
  }, [lane, answering]);
  const groups = (lane?.groups ?? []).filter((group) => group.questions.some((question) => !answering.has(question.id)));
  const current = groups.find((group) => group.key === chosen) ?? groups[0];

  const act = async (command: PanelCommand) => {
    const reply = await run(command);
    setError(reply.ok ? null : describe('failSave', reply.error));
    return reply;
  };
  const answer = (group: QuestionGroup) => {
    const index = groups.indexOf(group);
    setChosen(groups[index + 1]?.key ?? groups[index - 1]?.key ?? null);
    const ids = group.questions.map((question) => question.id);
    setAnswering((answered) => new Set([...answered, ...ids]));
    void act({ type: 'answer-questions', ids }).then((reply) => {
      if (!reply.ok) setAnswering((answered) => new Set([...answered].filter((id) => !ids.includes(id))));
    });
  };
  const toggleOnAir = (group: QuestionGroup) => void act({ type: 'show-question', broadcastId, id: group.onAir ? null : group.questions[0]!.id });
  const move = (step: number) => {
    if (!current) return;
    setChosen(groups[Math.max(0, Math.min(groups.length - 1, groups.indexOf(current) + step))]!.key);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || (event.target as HTMLElement).tagName === 'BUTTON') return;
    const key = event.key.toLowerCase();
    const handled =
      key === 'j' || key === 'arrowdown'
        ? (move(1), true)
        : key === 'k' || key === 'arrowup'
          ? (move(-1), true)
          : (key === 'a' || key === 'enter') && current
            ? (answer(current), true)
            : key === 's' && current
              ? (toggleOnAir(current), true)
              : false;
    if (handled) event.preventDefault();
  };

  const total = lane?.total ?? 0;
  return (
    <section
      className="questions"
      data-testid="questions"
      data-waiting={lane ? total : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={t('questionsTitle')}
      aria-describedby="questions-keys"
    >
      <h2>
        {t('questionsTitle')} ({formatNumber(total, 0)})
      </h2>
      <p id="questions-keys" className="queue-keys">
        {t('questionsKeys')}
      </p>
      {error && <FailureNotice failure={error} />}
      {lane && groups.length === 0 && <p className="empty">{t('questionsEmpty')}</p>}
      {total > LANE_QUESTIONS && <p className="orders-more">{t('questionsMore', { shown: formatNumber(LANE_QUESTIONS, 0), total: formatNumber(total, 0) })}</p>}
      <ol className="question-groups">
        {groups.map((group) => {
          const latest = group.questions[0]!;
          const headline = groupHeadline(group, t, (n) => formatNumber(n));
          return (
            <li
              key={group.key}
              data-testid="question-group"
              data-topic={group.topic}
              data-askers={group.askers}
              data-questions={group.questions.length}
              aria-current={group === current ? 'true' : undefined}
              className={`question-group${group === current ? ' current' : ''}${group.onAir ? ' on-air' : ''}`}
              onClick={() => setChosen(group.key)}
            >
              {headline && <strong className="question-headline">{headline}</strong>}
              <span className="question-text">
                {headline ? (
                  t('askedLatest', { name: latest.authorName, text: latest.text })
                ) : (
                  <>
                    <strong>{latest.authorName}</strong>: {latest.text}
                  </>
                )}
              </span>
              {group.onAir && (
                <span className="question-on-air" data-testid="question-on-air">
                  {t('questionOnAir')}
                </span>
              )}
              <span className="question-actions">
                <button type="button" data-testid="answer-question" onClick={() => answer(group)}>
                  {t('questionAnswered')}
                </button>
                <button type="button" data-testid="show-question" onClick={() => toggleOnAir(group)}>
                  {group.onAir ? t('questionHide') : t('questionShow')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
