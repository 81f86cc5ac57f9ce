package dev.cachefn.redis.internal;

/**
 * The Lua scripts that keep an entry and its tags together. Each runs atomically in Redis, so no reader sees an
 * entry without its tags or the reverse. {@code ARGV[1]} is always the prefix of one bucket of {@link KeyLayout};
 * the scripts build the keys from it, all in the slot of the prefix's hash tag. Their {@code KEYS} are the
 * bucket's {@link KeyLayout#scriptKeys}, which route them to that slot's node and keep them from running while
 * the slot is half migrated to another node.
 */
final class Scripts {

  private Scripts() {}

  /**
   * A Lua function {@code holds(current, mode, guard)}: whether an entry's bytes {@code current} ({@code false}
   * for none) are still those a caller read: {@code mode} {@code =} the same bytes as {@code guard}, {@code ^}
   * bytes that begin with {@code guard} (the stamp of a {@code Stamped} value, see {@link StampFrames#stamp}).
   */
  private static final String HOLDS = """
      local function holds(current, mode, guard)
        if not current then
          return false
        end
        if mode == '^' then
          return string.sub(current, 1, #guard) == guard
        end
        return current == guard
      end
      """;

  /**
   * Stores entries. ARGV: prefix, TTL in ms ({@code 0} for none), the condition ({@code 0} none, {@code 1}
   * only absent keys, {@code =} or {@code ^} only a key whose entry {@code holds} the guard), the guard
   * (empty unless the condition needs one), the count of tags, the tags, then key and value pairs. Replaces
   * each entry's old tags. A tag set's TTL is
   * raised to the longest TTL among its members (removed for a member without one). Then drops, from each
   * touched tag set, the members whose entries are gone: all of them in a set of up to 16 members, four
   * sampled members in a larger one (amortized, like the in-memory engine's clean-up). Answers the count
   * stored.
   */
  static final LuaScript PUT = new LuaScript(HOLDS + """
      local p = ARGV[1]
      local ttl = tonumber(ARGV[2])
      local condition = ARGV[3]
      local guard = ARGV[4]
      local tagCount = tonumber(ARGV[5])
      local stored = 0
      for i = 6 + tagCount, #ARGV, 2 do
        local key = ARGV[i]
        local entry = p .. 'k:' .. key
        local allowed = true
        if condition == '1' then
          allowed = redis.call('EXISTS', entry) == 0
        elseif condition ~= '0' then
          allowed = holds(redis.call('GET', entry), condition, guard)
        end
        if allowed then
          local meta = p .. 'm:' .. key
          for _, old in ipairs(redis.call('SMEMBERS', meta)) do
            redis.call('SREM', p .. 't:' .. old, key)
          end
          redis.call('DEL', meta)
          if ttl > 0 then
            redis.call('SET', entry, ARGV[i + 1], 'PX', ttl)
          else
            redis.call('SET', entry, ARGV[i + 1])
          end
          for t = 6, 5 + tagCount do
            local tagSet = p .. 't:' .. ARGV[t]
            local existed = redis.call('EXISTS', tagSet)
            redis.call('SADD', tagSet, key)
            redis.call('SADD', meta, ARGV[t])
            if ttl == 0 then
              redis.call('PERSIST', tagSet)
            else
              local left = redis.call('PTTL', tagSet)
              if existed == 0 or (left >= 0 and left < ttl) then
                redis.call('PEXPIRE', tagSet, ttl)
              end
            end
          end
          if tagCount > 0 and ttl > 0 then
            redis.call('PEXPIRE', meta, ttl)
          end
          stored = stored + 1
        end
      end
      for t = 6, 5 + tagCount do
        local tagSet = p .. 't:' .. ARGV[t]
        local members
        if redis.call('SCARD', tagSet) <= 16 then
          members = redis.call('SMEMBERS', tagSet)
        else
          members = redis.call('SRANDMEMBER', tagSet, 4)
        end
        for _, member in ipairs(members) do
          if redis.call('EXISTS', p .. 'k:' .. member) == 0 then
            redis.call('SREM', tagSet, member)
          end
        end
      end
      return stored
      """);

  /** Removes entries with their tags. ARGV: prefix, then keys. Answers the keys that had a live entry. */
  static final LuaScript REMOVE = new LuaScript("""
      local p = ARGV[1]
      local removed = {}
      for i = 2, #ARGV do
        local key = ARGV[i]
        if redis.call('DEL', p .. 'k:' .. key) == 1 then
          removed[#removed + 1] = key
        end
        local meta = p .. 'm:' .. key
        for _, tag in ipairs(redis.call('SMEMBERS', meta)) do
          redis.call('SREM', p .. 't:' .. tag, key)
        end
        redis.call('DEL', meta)
      end
      return removed
      """);

  /**
   * Removes an entry with its tags if it still {@code holds} the guard (a value that could not be decoded, or
   * the entry a caller read: a newer value written meanwhile stays). ARGV: prefix, key, mode ({@code =} or
   * {@code ^}), guard. Answers 1 if it removed the entry.
   */
  static final LuaScript REMOVE_IF_VALUE = new LuaScript(HOLDS + """
      local p = ARGV[1]
      local key = ARGV[2]
      if not holds(redis.call('GET', p .. 'k:' .. key), ARGV[3], ARGV[4]) then
        return 0
      end
      redis.call('DEL', p .. 'k:' .. key)
      local meta = p .. 'm:' .. key
      for _, tag in ipairs(redis.call('SMEMBERS', meta)) do
        redis.call('SREM', p .. 't:' .. tag, key)
      end
      redis.call('DEL', meta)
      return 1
      """);

  /**
   * Removes every entry carrying one of the tags, and the tag sets. ARGV: prefix, then tags. Answers the count
   * of live entries removed.
   */
  static final LuaScript REMOVE_BY_TAGS = new LuaScript("""
      local p = ARGV[1]
      local count = 0
      for i = 2, #ARGV do
        local tagSet = p .. 't:' .. ARGV[i]
        for _, key in ipairs(redis.call('SMEMBERS', tagSet)) do
          if redis.call('DEL', p .. 'k:' .. key) == 1 then
            count = count + 1
          end
          local meta = p .. 'm:' .. key
          for _, tag in ipairs(redis.call('SMEMBERS', meta)) do
            if tag ~= ARGV[i] then
              redis.call('SREM', p .. 't:' .. tag, key)
            end
          end
          redis.call('DEL', meta)
        end
        redis.call('DEL', tagSet)
      end
      return count
      """);
}
