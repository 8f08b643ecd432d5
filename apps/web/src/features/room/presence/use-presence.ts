import type { AppState, Collaborator, ExcalidrawImperativeAPI, NormalizedZoomValue, SocketId } from '@excalidraw/excalidraw/types';
import type { ParticipantRole, PresenceState } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { throttle } from '../../../lib/throttle';
import { collaboratorsFrom, colorForUser, followedViewport, peersFrom, sameViewport, type Peer, type Viewport } from './presence';

/** Pointer, selection and viewport reach the others at most this often (docs/protocol.md D4). */
const PUBLISH_EVERY_MS = 50;

interface PresenceOptions {
  provider: RoomProvider | null;
  api: ExcalidrawImperativeAPI | null;
  me: { id: string; name: string };
  role: ParticipantRole;
}

export interface Presence {
  /** Everyone else connected; changes only when someone arrives, leaves or is renamed, not on each move. */
  peers: Peer[];
  /** The user whose viewport mine follows, if any. */
  following: string | null;
  follow: (userId: string | null) => void;
  onPointerUpdate: (payload: { pointer: { x: number; y: number; tool: 'pointer' | 'laser' }; button: 'down' | 'up' }) => void;
  onSceneChange: (appState: AppState) => void;
}

type Published = Omit<PresenceState, 'user'>;

/** Publishes my presence into awareness and renders everyone else's as named cursors. */
export function usePresence({ provider, api, me, role }: PresenceOptions): Presence {
  const [peers, setPeers] = useState<Peer[]>([]);
  const [following, setFollowing] = useState<string | null>(null);
  const followingRef = useRef<string | null>(null);
  const lastAppliedView = useRef<{ scrollX: number; scrollY: number; zoom: number } | null>(null);
  const pending = useRef<Published>({});
  const published = useRef<{ selection: string; viewport: Viewport | null }>({ selection: '', viewport: null });
  const flush = useRef<ReturnType<typeof throttle> | null>(null);
  const refreshFollowed = useRef<() => void>(() => undefined);

  const follow = useCallback((userId: string | null) => {
    followingRef.current = userId;
    lastAppliedView.current = null;
    setFollowing(userId);
    // Jump to their view now, not only when they next move.
    if (userId) refreshFollowed.current();
  }, []);

  useEffect(() => {
    if (!provider || !api) return;
    const { awareness } = provider;
    awareness.setLocalState({ user: { id: me.id, name: me.name, color: colorForUser(me.id).background, role } } satisfies PresenceState);
    flush.current = throttle(() => {
      const current = awareness.getLocalState();
      if (current) awareness.setLocalState({ ...current, ...pending.current });
      pending.current = {};
    }, PUBLISH_EVERY_MS);

    let peerKey = '';
    const onChange = (): void => {
      const next = peersFrom(awareness.getStates(), awareness.clientID);
      api.updateScene({ collaborators: collaboratorsFrom(next) as Map<SocketId, Collaborator> });
      const key = next.map((p) => `${String(p.clientId)}:${p.state.user.id}:${p.state.user.role}:${p.state.user.name}`).join('|');
      if (key !== peerKey) {
        peerKey = key;
        setPeers(next);
      }
      applyFollowed(next);
    };

    // Move my view to the followed person's; stop following when they leave.
    const applyFollowed = (next: readonly Peer[]): void => {
      const userId = followingRef.current;
      if (!userId) return;
      const peer = next.find((p) => p.state.user.id === userId);
      if (!peer) return follow(null);
      const viewport = peer.state.viewport;
      if (!viewport) return;
      const appState = api.getAppState();
      const target = followedViewport(viewport, { width: appState.width, height: appState.height });
      const mine = { scrollX: appState.scrollX, scrollY: appState.scrollY, zoom: appState.zoom.value };
      if (sameViewport(target, mine)) return;
      lastAppliedView.current = target;
      api.updateScene({ appState: { scrollX: target.scrollX, scrollY: target.scrollY, zoom: { value: target.zoom as NormalizedZoomValue } } });
    };

    awareness.on('change', onChange);
    onChange();
    refreshFollowed.current = () => applyFollowed(peersFrom(awareness.getStates(), awareness.clientID));
    return () => {
      awareness.off('change', onChange);
      refreshFollowed.current = () => undefined;
      flush.current?.cancel();
      flush.current = null;
      published.current = { selection: '', viewport: null };
    };
  }, [provider, api, me.id, me.name, role, follow]);

  const publish = useCallback((fields: Published) => {
    Object.assign(pending.current, fields);
    flush.current?.();
  }, []);

  const onPointerUpdate = useCallback<Presence['onPointerUpdate']>(
    ({ pointer, button }) => publish({ pointer: { x: pointer.x, y: pointer.y, tool: pointer.tool }, button }),
    [publish],
  );

  const onSceneChange = useCallback(
    (appState: AppState) => {
      const selection = Object.keys(appState.selectedElementIds).sort().join(',');
      const viewport: Viewport = { scrollX: appState.scrollX, scrollY: appState.scrollY, zoom: appState.zoom.value, width: appState.width, height: appState.height };
      const last = published.current;
      if (selection !== last.selection) {
        last.selection = selection;
        publish({ selectedElementIds: { ...appState.selectedElementIds } });
      }
      if (!last.viewport || !sameViewport(viewport, last.viewport) || viewport.width !== last.viewport.width || viewport.height !== last.viewport.height) {
        last.viewport = viewport;
        publish({ viewport });
      }
      // Panning or zooming myself while following means I want my own view back.
      const applied = lastAppliedView.current;
      if (followingRef.current && applied && !sameViewport(applied, viewport)) follow(null);
    },
    [publish, follow],
  );

  return { peers, following, follow, onPointerUpdate, onSceneChange };
}
