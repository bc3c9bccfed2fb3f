-- waiting-page: one page of a queue's waiting tasks, read only. Oldest first is: the ungrouped tasks
-- ("ready") in the order claims take them; then the groups in line ("groups") in the order of their
-- turns; then the groups out of line (at their concurrency, out of rate, held by a retry, paused or
-- being split: the first 1000 names of each register) by name; each group's tasks in the group's
-- order. Newest first is the exact reverse. Pages go on after an anchor, see set-page; a group that
-- took its turn since the page before has a new place in line, so its tasks may show again there.
-- KEYS[1] the queue's ready set (routes the call to the queue's slot; other keys derive from ARGV[1])
-- ARGV[1] queue key prefix, ARGV[2] "1" for newest first, ARGV[3] limit, then the anchor: ARGV[4] its
-- part ("" for the first page, "r" ready, "l" a group in line, "o" a group out of line), ARGV[5] its
-- group, ARGV[6] the group's score in line, ARGV[7] the task's score ("" once the group is done), ARGV[8]
-- the task's id
-- Returns: per task id, score, part, group, group score (group fields "" for ready); then, when the
-- page stopped after visiting 1000 groups without filling, the place to go on from: "", "", part,
-- group, group score (the group done with).
--- @include "set-page"
local prefix, descending, limit = ARGV[1], ARGV[2] == "1", tonumber(ARGV[3])
local part, group, gscore, score, id = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local MAX_VISITS, REGISTER_NAMES = 1000, 1000
local out, rows, visits = {}, 0, 0
local function room() return limit - rows end

local function add(set, after_score, after_id, in_part, in_group, in_gscore)
  local page = set_page(set, after_score, after_id, descending, room())
  for i = 1, #page, 2 do
    for _, value in ipairs({ page[i], page[i + 1], in_part, in_group, in_gscore }) do out[#out + 1] = value end
  end
  rows = rows + #page / 2
end

-- Visits groups (name, score) after an anchor; answers false when it stopped at MAX_VISITS.
local function visit(in_part, anchored, next_groups)
  if anchored and score ~= "" then add(prefix .. "g:" .. group, score, id, in_part, group, gscore) end
  local after_score, after_group = anchored and gscore or "", anchored and group or ""
  while room() > 0 do
    local groups = next_groups(after_score, after_group)
    if #groups == 0 then return true end
    for i = 1, #groups, 2 do
      if visits >= MAX_VISITS then
        for _, value in ipairs({ "", "", in_part, after_group, after_score }) do out[#out + 1] = value end
        return false
      end
      visits = visits + 1
      add(prefix .. "g:" .. groups[i], "", "", in_part, groups[i], groups[i + 1])
      after_score, after_group = groups[i + 1], groups[i]
      if room() <= 0 then return true end
    end
  end
  return true
end

local function in_line(after_score, after_group)
  return set_page(prefix .. "groups", after_score, after_group, descending, math.min(room(), 100))
end

-- Groups out of line with waiting tasks, by name ("0" as their score), after the anchor's name.
local REGISTERS = { { "gactive", "HRANDFIELD" }, { "gblocked", "HRANDFIELD" }, { "gpaused", "SRANDMEMBER" },
  { "gsplitting", "SRANDMEMBER" }, { "glimited", "ZRANGE" } }
local outside
local function out_of_line(_, after_group)
  if not outside then
    local seen, names = {}, {}
    for _, register in ipairs(REGISTERS) do
      local key = prefix .. register[1]
      local listed = (register[2] == "ZRANGE") and redis.call("ZRANGE", key, 0, REGISTER_NAMES - 1)
          or redis.call(register[2], key, REGISTER_NAMES)
      for _, name in ipairs(listed) do
        if not seen[name] and not redis.call("ZSCORE", prefix .. "groups", name)
            and redis.call("EXISTS", prefix .. "g:" .. name) == 1 then
          names[#names + 1] = name
        end
        seen[name] = true
      end
    end
    table.sort(names, descending and function(a, b) return bytes_before(b, a) end or bytes_before)
    outside = names
  end
  local groups = {}
  for _, name in ipairs(outside) do
    local after = after_group == "" or (descending and bytes_before(name, after_group))
        or (not descending and bytes_before(after_group, name))
    if after and #groups < 2 * math.min(room(), 100) then groups[#groups + 1] = name; groups[#groups + 1] = "0" end
  end
  return groups
end

local parts = descending and { "o", "l", "r" } or { "r", "l", "o" }
local started = part == ""
for _, each in ipairs(parts) do
  local anchored = each == part
  if anchored or started then
    started = true
    if each == "r" then
      add(prefix .. "ready", anchored and score or "", anchored and id or "", "r", "", "")
    elseif not visit(each, anchored, (each == "l") and in_line or out_of_line) then
      return out
    end
    if room() <= 0 then return out end
  end
end
return out
