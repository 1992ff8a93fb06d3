import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { GatewayDispatchEvents, GatewayOpcodes } from 'discord.js';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { FakeContext } from './context.js';
import { buildGuildCreate, buildReady } from './fixtures.js';
import { GatewayConnection, type GatewayPayload } from './gateway-connection.js';
import type { Json } from './types.js';

/** Discord's heartbeat interval; long enough that tests never see a heartbeat they did not ask for. */
const HEARTBEAT_INTERVAL_MS = 41_250;

interface GatewaySession {
  id: string;
  seq: number;
  /** Every dispatch of the session, replayed on RESUME. */
  events: GatewayPayload[];
  connection: GatewayConnection | undefined;
  /** `[shard id, shard count]` from IDENTIFY; guild events go only to the shard owning the guild. */
  shard?: [number, number];
}

/** Discord's rule: a guild belongs to shard `(guild_id >> 22) % shard_count`. */
function ownsGuild(session: GatewaySession, guildId: string | undefined): boolean {
  if (!session.shard || guildId === undefined) return true;
  const [id, count] = session.shard;
  return Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
}

/** The fake gateway: HELLO, heartbeats, IDENTIFY to READY and GUILD_CREATE, RESUME, dispatches. */
export class FakeGateway {
  private readonly server: WebSocketServer;
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly readyListeners = new Set<() => void>();
  private identifies = 0;

  constructor(
    private readonly ctx: FakeContext,
    httpServer: Server,
  ) {
    this.server = new WebSocketServer({ server: httpServer });
    this.server.on('connection', (socket, request) => this.accept(socket, request));
  }

  /** Number of IDENTIFYs accepted so far. */
  identifyCount(): number {
    return this.identifies;
  }

  /** Whether some open connection has identified or resumed. */
  hasReadyClient(): boolean {
    return [...this.sessions.values()].some((session) => session.connection?.isOpen === true);
  }

  /** Resolves once a client is ready (at once if one already is); rejects after `timeoutMs`. */
  waitForReady(timeoutMs: number): Promise<void> {
    if (this.hasReadyClient()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onReady = (): void => {
        clearTimeout(timer);
        this.readyListeners.delete(onReady);
        resolve();
      };
      const timer = setTimeout(() => {
        this.readyListeners.delete(onReady);
        reject(new Error(`fake-discord: no client identified within ${timeoutMs} ms`));
      }, timeoutMs);
      this.readyListeners.add(onReady);
    });
  }

  /** Sends a dispatch event to every ready client; returns how many got it. */
  dispatch(event: string, data: Json): number {
    let delivered = 0;
    for (const session of this.sessions.values()) {
      if (session.connection?.isOpen !== true || !ownsGuild(session, data?.guild_id)) continue;
      this.sendDispatch(session, event, data);
      delivered += 1;
    }
    return delivered;
  }

  /** Drops every connection and stops accepting new ones. */
  async close(): Promise<void> {
    for (const listener of [...this.readyListeners]) this.readyListeners.delete(listener);
    for (const socket of this.server.clients) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const query = new URL(request.url ?? '/', 'ws://localhost').searchParams;
    const connection = new GatewayConnection(socket, query.get('compress'));
    if (!['9', '10'].includes(query.get('v') ?? '10')) return connection.close(4012, 'Invalid API version.');
    if ((query.get('encoding') ?? 'json') !== 'json') return connection.close(4002, 'Error while decoding payload.');
    socket.on('message', (raw) => this.receive(connection, raw));
    socket.on('close', () => this.detach(connection));
    connection.send({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS }, s: null, t: null });
  }

  private receive(connection: GatewayConnection, raw: RawData): void {
    let payload: { op?: number; d?: Json };
    try {
      payload = JSON.parse(raw.toString());
    } catch {
      return connection.close(4002, 'Error while decoding payload.');
    }
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        return connection.send({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
      case GatewayOpcodes.Identify:
        return this.identify(connection, payload.d);
      case GatewayOpcodes.Resume:
        return this.resume(connection, payload.d);
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (connection.sessionId === undefined) connection.close(4003, 'Not authenticated.');
        return;
      default:
        return connection.close(4001, 'Unknown opcode.');
    }
  }

  private identify(connection: GatewayConnection, data: Json): void {
    if (connection.sessionId !== undefined) return connection.close(4005, 'Already authenticated.');
    if (data?.token !== this.ctx.botToken) return connection.close(4004, 'Authentication failed.');
    if (data.compress === true) connection.enableIdentifyCompression();
    this.identifies += 1;
    const session: GatewaySession = { id: randomBytes(16).toString('hex'), seq: 0, events: [], connection };
    if (Array.isArray(data.shard) && data.shard.length === 2) session.shard = [Number(data.shard[0]), Number(data.shard[1])];
    this.sessions.set(session.id, session);
    connection.sessionId = session.id;
    const owned = this.ctx.guildIds.filter((guildId) => ownsGuild(session, guildId));
    this.sendDispatch(session, GatewayDispatchEvents.Ready, buildReady(this.ctx, session.id, session.shard, owned));
    for (const guildId of owned) this.sendDispatch(session, GatewayDispatchEvents.GuildCreate, buildGuildCreate(this.ctx, guildId));
    this.notifyReady();
  }

  private resume(connection: GatewayConnection, data: Json): void {
    const session = this.sessions.get(data?.session_id);
    if (!session || data.token !== this.ctx.botToken) {
      return connection.send({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
    }
    session.connection?.terminate();
    session.connection = connection;
    connection.sessionId = session.id;
    for (const event of session.events) if (event.s !== null && event.s > Number(data.seq ?? 0)) connection.send(event);
    this.sendDispatch(session, GatewayDispatchEvents.Resumed, {});
    this.notifyReady();
  }

  private sendDispatch(session: GatewaySession, event: string, data: Json): void {
    session.seq += 1;
    const payload: GatewayPayload = { op: GatewayOpcodes.Dispatch, d: data, s: session.seq, t: event };
    session.events.push(payload);
    session.connection?.send(payload);
  }

  private detach(connection: GatewayConnection): void {
    const session = connection.sessionId === undefined ? undefined : this.sessions.get(connection.sessionId);
    if (session?.connection === connection) session.connection = undefined;
  }

  private notifyReady(): void {
    for (const listener of [...this.readyListeners]) listener();
  }
}
