-- Neovim (Debian's 0.7) built-in LSP client against `node dist/server.js --stdio` on examples/:
-- completion in a ParentTask value and go to definition across files. 0.7 has no vim.lsp.start,
-- hence start_client + buf_attach_client. Positions are found by text, never hard-coded.
-- Run through test/e2e/nvim/run.js (it sets LSP_SERVER and WORKSPACE).
local server = assert(os.getenv('LSP_SERVER'), 'LSP_SERVER not set')
local root = assert(os.getenv('WORKSPACE'), 'WORKSPACE not set')
local passes, failures = 0, 0
local function out(s) io.stdout:write(s .. '\n') end
local function check(cond, msg)
  if cond then passes = passes + 1; out('ok   - ' .. msg) else failures = failures + 1; out('FAIL - ' .. msg) end
end
local function finish()
  out(string.format('%d passed, %d failed', passes, failures))
  vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
end

-- 0-based line and UTF-16 column (the files are ASCII) of `delta` bytes into `needle`.
local function find(lines, needle, delta)
  for i, l in ipairs(lines) do
    local at = l:find(needle, 1, true)
    if at then return i - 1, at - 1 + (delta or 0) end
  end
  error(needle .. ' not found')
end

local id
local function main()
  local jobs = root .. '/Conf/AD/AD Jobs.xml'
  local shared = root .. '/Conf/Shared Tasks.xml'
  vim.cmd('edit ' .. vim.fn.fnameescape(jobs))
  check(vim.bo.filetype == 'xml', 'filetype is xml (got ' .. vim.bo.filetype .. ')')

  id = vim.lsp.start_client({
    name = 'usercube-jobs', cmd = { 'node', server, '--stdio' }, root_dir = root,
    on_exit = function(code) if code ~= 0 then out('server exited with ' .. code) end end,
  })
  check(id ~= nil, 'client started')
  vim.lsp.buf_attach_client(0, id)
  local ready = vim.wait(10000, function()
    local c = vim.lsp.get_client_by_id(id)
    return c ~= nil and c.initialized and c.server_capabilities ~= nil and c.server_capabilities.completionProvider ~= nil
  end, 20)
  check(ready, 'initialized; the server offers completion')
  if not ready then return end

  local uri = vim.uri_from_bufnr(0)
  local function request(method, line, col)
    local res = vim.lsp.buf_request_sync(0, method, { textDocument = { uri = uri }, position = { line = line, character = col } }, 5000)
    for _, r in pairs(res or {}) do if r.result then return r.result end end
  end

  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)

  -- Completion: the tasks of other files come once the workspace is indexed; ask until then.
  local line, col = find(lines, 'ParentTask="AD_Prepare_Complete"', #'ParentTask="')
  local labels = {}
  local complete = vim.wait(15000, function()
    local comp = request('textDocument/completion', line, col)
    labels = {}
    for _, it in ipairs(comp and (comp.items or comp) or {}) do labels[it.label] = true end
    return labels['All_CorrelationKeys'] and labels['AD_Export_Incremental']
  end, 100)
  check(complete, 'completion offers All_CorrelationKeys (Shared Tasks.xml) and AD_Export_Incremental (AD Incremental Jobs.xml)')
  check(labels['AD_Export_Complete'] and not labels['Job_AD_Complete'] and not labels['ADExport'], 'completion offers this job\'s tasks and no job or connection')

  -- Definition: from a Step to the task in Shared Tasks.xml, on its Identifier value.
  local sline, scol = find(lines, 'Step Identifier="All_CorrelationKeys"', #'Step Identifier="' + 2)
  local def = request('textDocument/definition', sline, scol)
  local loc = def and (def.uri and def or def[1])
  local tline, tcol = find(vim.fn.readfile(shared), 'Identifier="All_CorrelationKeys"', #'Identifier="')
  check(loc ~= nil and loc.uri == vim.uri_from_fname(shared), 'definition is in Shared Tasks.xml (got ' .. (loc and loc.uri or 'nothing') .. ')')
  check(loc ~= nil and loc.range.start.line == tline and loc.range.start.character == tcol
    and loc.range['end'].character == tcol + #'All_CorrelationKeys', string.format('definition range is line %d, columns %d-%d', tline + 1, tcol + 1, tcol + #'All_CorrelationKeys'))
end

-- A Lua error would leave Neovim waiting for input: count it as a failure and quit.
local ok, err = pcall(main)
if not ok then check(false, 'Lua error: ' .. tostring(err)) end
if id then
  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
end
finish()
