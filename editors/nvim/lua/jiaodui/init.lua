-- jiaodui (校对) for Neovim: setup() for 0.10, and the commands and autocommands both versions share.
--
-- Neovim >= 0.11 needs only vim.lsp.enable('jiaodui'); lsp/jiaodui.lua holds the config.
-- Neovim 0.10 has no vim.lsp.config, so setup() starts the same config from a FileType autocmd.
local M = {}

local has_011 = vim.fn.has('nvim-0.11') == 1
local FIX_ALL = 'source.fixAll.jiaodui'
local INSTALL_URL = 'https://github.com/jiaodui/jiaodui#install'
-- Draft files whose encoding is detected when they are read (see M.create_autocmds).
local DRAFT_FILES = { '*.txt', '*.md', '*.markdown' }

-- Options given to setup() on 0.10 (merged over lsp/jiaodui.lua).
local user_opts = {}

--- The config in force: vim.lsp.config on 0.11, else lsp/jiaodui.lua merged with setup() opts.
---@return table
function M.config()
  if has_011 then
    return vim.deepcopy(vim.lsp.config.jiaodui or {})
  end
  local file = vim.api.nvim_get_runtime_file('lsp/jiaodui.lua', false)[1]
  local base = file and dofile(file) or {}
  return vim.tbl_deep_extend('force', base, user_opts)
end

--- The project root of a buffer: the nearest folder holding jiaodui.toml or .jiaodui.toml.
---@param bufnr integer
---@return string?
function M.root(bufnr)
  local markers = M.config().root_markers or { 'jiaodui.toml', '.jiaodui.toml' }
  return vim.fs.root(bufnr, markers)
end

--- Starts (or reuses) the jiaodui client for a buffer inside a jiaodui project.
---@param bufnr integer
---@return integer? client_id
function M.start(bufnr)
  local root = M.root(bufnr)
  if not root then
    return nil
  end
  if not M.check_server() then
    return nil
  end
  local cfg = M.config()
  cfg.name = 'jiaodui'
  cfg.root_dir = root
  cfg.root_markers = nil
  return vim.lsp.start(cfg, { bufnr = bufnr })
end

local announced = false

--- Whether the server in the config can run. The first time it cannot, says so once with
--- how to install it: Neovim itself only writes that to lsp.log, so a missing server would
--- otherwise look like a draft without findings.
---@return boolean
function M.check_server()
  local cmd = M.config().cmd
  -- A function cmd (an RPC connection the user wrote) is not ours to check.
  if type(cmd) ~= 'table' or not cmd[1] or vim.fn.executable(cmd[1]) == 1 then
    return true
  end
  if not announced then
    announced = true
    local point = has_011 and "vim.lsp.config('jiaodui', { cmd = { '/path/to/jiaodui', 'lsp' } })"
      or "require('jiaodui').setup({ cmd = { '/path/to/jiaodui', 'lsp' } })"
    vim.notify(table.concat({
      ('jiaodui：找不到语言服务 `%s`，稿件没有在检查。'):format(cmd[1]),
      '安装方法：从 https://github.com/jiaodui/jiaodui/releases 下载适合本机系统的程序，'
        .. '把 `jiaodui` 放到 PATH 上；或者运行 `cargo install --locked --git https://github.com/jiaodui/jiaodui`。',
      '也可以告诉 Neovim 它在哪里：' .. point .. '。',
      '详见 ' .. INSTALL_URL .. ' 和 :checkhealth jiaodui',
    }, '\n'), vim.log.levels.WARN)
  end
  return false
end

--- Creates :JiaoduiFixAll and :JiaoduiRestart and the autocommands below (plugin/jiaodui.lua
--- calls this at startup; setup() calls it for plugin managers that put this folder on
--- 'runtimepath' later).
function M.create_commands()
  M.create_autocmds()
  vim.api.nvim_create_user_command('JiaoduiFixAll', function()
    M.fix_all(0)
  end, { desc = 'jiaodui：应用本稿全部可自动修复的修改', force = true })
  vim.api.nvim_create_user_command('JiaoduiRestart', function()
    M.restart()
  end, { desc = 'jiaodui：重启语言服务', force = true })
end

--- Two autocommands for drafts inside a jiaodui project (a jiaodui.toml above them):
--- - GB18030 is tried after UTF-8 when such a draft is read. Many newsrooms still save
---   drafts in GB18030 (GBK), and Neovim's default 'fileencodings' falls back to Latin-1, which
---   turns every Chinese character into two or three accented letters with nothing to check.
---   'fileencodings' is global, so it is widened only while the draft is read.
--- - On 0.11, a missing server is announced (vim.lsp.enable only logs it). On 0.10 start()
---   does this.
--- - Inlay hints are turned on in the drafts jiaodui attaches to.
function M.create_autocmds()
  local group = vim.api.nvim_create_augroup('jiaodui_drafts', { clear = true })
  local saved
  local function restore()
    if saved then
      vim.o.fileencodings = saved
      saved = nil
    end
  end
  vim.api.nvim_create_autocmd('BufReadPre', {
    group = group,
    pattern = DRAFT_FILES,
    callback = function(ev)
      local fencs = vim.o.fileencodings
      if saved or fencs:find('gb18030', 1, true) or fencs:find('gbk', 1, true) or not M.root(ev.buf) then
        return
      end
      saved = fencs
      -- After UTF-8 (and a BOM, when listed), before the 8-bit fallbacks.
      local list = vim.split(fencs, ',', { trimempty = true })
      local at = 1
      for i, enc in ipairs(list) do
        if enc == 'ucs-bom' or enc == 'utf-8' or enc == 'utf8' then
          at = i + 1
        end
      end
      table.insert(list, at, 'gb18030')
      vim.o.fileencodings = table.concat(list, ',')
      -- The read happens between this event and BufReadPost; the scheduled call restores
      -- the option should the read end without one.
      vim.schedule(restore)
    end,
  })
  vim.api.nvim_create_autocmd('BufReadPost', { group = group, pattern = DRAFT_FILES, callback = restore })
  -- Inlay hints carry what a finding cannot: the absolute day after `8日` or `昨天`, and the
  -- note at the top of an undated draft that its date checks are skipped. Neovim leaves
  -- them off, so they are turned on for the drafts jiaodui attaches to, unless
  -- vim.g.jiaodui_inlay_hints is false.
  vim.api.nvim_create_autocmd('LspAttach', {
    group = group,
    callback = function(ev)
      local client = vim.lsp.get_client_by_id(ev.data.client_id)
      if not client or client.name ~= 'jiaodui' or vim.g.jiaodui_inlay_hints == false then
        return
      end
      if client.server_capabilities.inlayHintProvider and vim.lsp.inlay_hint then
        vim.lsp.inlay_hint.enable(true, { bufnr = ev.buf })
      end
    end,
  })
  if has_011 then
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      callback = function(ev)
        local enabled = vim.lsp.is_enabled == nil or vim.lsp.is_enabled('jiaodui')
        local cfg = M.config()
        if enabled and vim.tbl_contains(cfg.filetypes or {}, ev.match) and M.root(ev.buf) then
          M.check_server()
        end
      end,
    })
  end
end

--- Neovim 0.10: start jiaodui for text and Markdown buffers. On 0.11 this is the same as
--- vim.lsp.config('jiaodui', opts) followed by vim.lsp.enable('jiaodui'). Both create the
--- user commands.
---@param opts table? overrides for the config in lsp/jiaodui.lua (cmd, settings, ...)
function M.setup(opts)
  opts = opts or {}
  M.create_commands()
  if has_011 then
    if next(opts) then
      vim.lsp.config('jiaodui', opts)
    end
    vim.lsp.enable('jiaodui')
    return
  end
  user_opts = opts
  local group = vim.api.nvim_create_augroup('jiaodui', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config().filetypes,
    callback = function(ev)
      M.start(ev.buf)
    end,
  })
  -- Buffers that were open before setup() ran.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config().filetypes, vim.bo[buf].filetype) then
      M.start(buf)
    end
  end
end

---@param bufnr integer?
---@return vim.lsp.Client?
function M.client(bufnr)
  return vim.lsp.get_clients({ bufnr = bufnr, name = 'jiaodui' })[1]
end

-- client:request on 0.11, client.request on 0.10.
local function request(client, method, params, handler, bufnr)
  if has_011 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function run_command(client, command, bufnr)
  if has_011 then
    return client:exec_cmd(command, { bufnr = bufnr })
  end
  return request(client, 'workspace/executeCommand', command, function() end, bufnr)
end

--- Applies every safe fix in the buffer: the server's source.fixAll.jiaodui code action.
---@param bufnr integer?
---@param on_done fun(applied: integer, err: string?)? called when the edits are applied
function M.fix_all(bufnr, on_done)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  on_done = on_done or function(applied, err)
    if err then
      vim.notify('jiaodui：' .. err, vim.log.levels.ERROR)
    elseif applied == 0 then
      vim.notify('jiaodui：本稿没有可自动修复的问题', vim.log.levels.INFO)
    end
  end
  local client = M.client(bufnr)
  if not client then
    return on_done(0, '这个缓冲区没有连接 jiaodui 语言服务')
  end
  local last = vim.api.nvim_buf_line_count(bufnr)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = 0 } },
    context = {
      only = { FIX_ALL },
      triggerKind = 1,
      diagnostics = vim.tbl_map(function(d)
        return d.user_data and d.user_data.lsp or nil
      end, vim.diagnostic.get(bufnr)),
    },
  }
  request(client, 'textDocument/codeAction', params, function(err, actions)
    if err then
      return on_done(0, err.message)
    end
    local fix_all = {}
    for _, action in ipairs(actions or {}) do
      if action.kind and vim.startswith(action.kind, 'source.fixAll') then
        fix_all[#fix_all + 1] = action
      end
    end
    local applied = 0
    local function apply(i)
      local action = fix_all[i]
      if not action then
        return on_done(applied)
      end
      local function finish(resolved)
        if resolved.edit then
          vim.lsp.util.apply_workspace_edit(resolved.edit, client.offset_encoding)
        end
        if type(resolved.command) == 'table' then
          run_command(client, resolved.command, bufnr)
        end
        applied = applied + 1
        apply(i + 1)
      end
      local provider = client.server_capabilities.codeActionProvider
      if not action.edit and type(provider) == 'table' and provider.resolveProvider then
        -- The server fills in the edit lazily (codeAction/resolve).
        request(client, 'codeAction/resolve', action, function(rerr, resolved)
          if rerr then
            return on_done(applied, rerr.message)
          end
          finish(resolved or action)
        end, bufnr)
      else
        finish(action)
      end
    end
    apply(1)
  end, bufnr)
end

--- Stops every jiaodui client and starts it again for the buffers it was attached to.
function M.restart()
  local clients = vim.lsp.get_clients({ name = 'jiaodui' })
  local buffers = {}
  for _, client in ipairs(clients) do
    for buf in pairs(client.attached_buffers) do
      buffers[#buffers + 1] = buf
    end
    client:stop()
  end
  if #buffers == 0 then
    buffers = { vim.api.nvim_get_current_buf() }
  end
  -- Wait until the old clients are gone from the client list, or vim.lsp.start would reuse
  -- a dying one (it matches clients by name and root).
  local old = {}
  for _, client in ipairs(clients) do
    old[client.id] = true
  end
  vim.wait(5000, function()
    for _, client in ipairs(vim.lsp.get_clients({ name = 'jiaodui' })) do
      if old[client.id] then
        return false
      end
    end
    return true
  end, 20)
  for _, buf in ipairs(buffers) do
    if vim.api.nvim_buf_is_valid(buf) then
      M.start(buf)
    end
  end
end

return M
