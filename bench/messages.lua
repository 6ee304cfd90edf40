-- wrk script: POST /v1/messages (or /echo) with a unique message id per request, spread over many users, and
-- realistic texts in the four languages, with the generic channel's Bearer token when one is given (the second
-- script argument). Prints one summary line that bench/run.sh reads.
-- Arguments: path, token, run id. A message id is run id, wrk thread and counter: unique across the threads of one
-- wrk and across runs as long as each run has its own id (bench/run.sh gives each one), so that every request is a
-- new turn and none is answered from the record of an earlier one (LuaJIT's math.random starts from the same seed in
-- every thread and every run, so it cannot make ids unique).
local texts = {
  "hi", "hello, is anyone there?", "assalam o alaikum", "السلام عليكم",
  "I have been feeling really anxious about my exams and I can't sleep",
  "my boss shouts at me every day and I dread going to work",
  "mujhe bohat ghabrahat ho rahi hai, kya karun",
  "main bohat pareshan hoon aaj kal, ghar mein sab larte rehte hain",
  "میں بہت اداس ہوں اور کسی سے بات کرنا چاہتا ہوں",
  "مجھے نیند نہیں آتی اور ہر وقت ڈر لگتا ہے",
  "أشعر بالقلق طوال الوقت ولا أعرف ماذا أفعل",
  "someone is sharing my pictures online and threatening me",
  "can you give me a number I can call to talk to someone?",
  "thank you, that helps a bit",
  "I feel so alone, nobody understands me",
  "my friend keeps drinking every night and I am worried about him",
  "what's the weather like today",
  "talk to a person please",
  "I don't see the point of anything anymore",
  "koi meri baat nahi sunta, dil karta hai sab chhor doon",
  "I'm ok now, just wanted to say thanks",
  "how do I stop panicking before presentations",
  "my husband hits me when he is angry",
  "لا أستطيع التركيز في عملي بسبب الضغط"
}
local counter = 0
local threads = {}
local run = "run"
local path = "/v1/messages"
local headers = {["Content-Type"] = "application/json"}

-- thread_id is a global of each thread's Lua state, set here before init (a local of the same name would hide it)
function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  if args[1] then path = args[1] end
  if args[2] and args[2] ~= "" then headers["Authorization"] = "Bearer " .. args[2] end
  if args[3] and args[3] ~= "" then run = args[3] end
  thread_id = thread_id or 1
  counter = 0
end

local function escape(s)
  return (s:gsub('\\', '\\\\'):gsub('"', '\\"'))
end

function request()
  counter = counter + 1
  local user = "bench-" .. ((thread_id * 7919 + counter) % 20000)
  local text = texts[(counter % #texts) + 1]
  local body = '{"user":"' .. user .. '","id":"' .. run .. '-' .. thread_id .. '-' .. counter ..
      '","text":"' .. escape(text) .. '","country":"PK"}'
  return wrk.format("POST", path, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT req_per_s=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d requests=%d\n",
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      errors, summary.requests))
end
